using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.LLama.Tests;

/// <summary>Instruction prompts through the chat template a Code Llama Instruct GGUF carries.</summary>
public sealed class InstructionPromptTests(ScriptedModelFixture models) : IClassFixture<ScriptedModelFixture>
{
    // Llama 2's turn format, which Code Llama Instruct uses and llama.cpp recognises by its [INST] markers.
    private const string Template = "{% for message in messages %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% endfor %}";
    private const string Answer = "return label.Length + count;";

    [Fact]
    public async Task An_instruction_is_rendered_through_the_ggufs_chat_template_and_answered()
    {
        // The script starts after ']', the last character of the template's "[/INST]".
        var path = TestModels.WriteScripted(
            Path.Combine(models.Folder, "instruct.gguf"), Answer, new TinyLlamaShape(ChatTemplate: Template), startToken: CodeLlamaVocabulary.CharacterId(']'));
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(path) { ContextSize = 1024 });

        var completion = Assert.Single((await model.InfillAsync(new InfillRequest("", "") { Instruction = "Fix the error." }, default)).Completions);

        Assert.Equal(Answer, completion.Text);
        Assert.True(completion.Finished);
    }

    [Fact]
    public async Task A_model_without_a_chat_template_refuses_an_instruction_with_a_reason()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 1024 });

        var exception = await Assert.ThrowsAsync<InferenceException>(() => model.InfillAsync(new InfillRequest("", "") { Instruction = "Fix it." }, default));

        Assert.Contains("no chat template", exception.Message, StringComparison.Ordinal);
    }
}
