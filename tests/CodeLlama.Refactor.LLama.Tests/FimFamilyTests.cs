using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.LLama.Tests;

/// <summary>Scripted GGUFs with the token names of each FIM family llama.cpp knows, run through llama.cpp.</summary>
public sealed class FimFamilyTests(ScriptedModelFixture models) : IClassFixture<ScriptedModelFixture>
{
    public static TheoryData<string> Families => ["StarCoder2", "CodeGemma", "DeepSeek-Coder", "Qwen2.5-Coder"];

    [Theory]
    [MemberData(nameof(Families))]
    public async Task A_model_of_each_family_infills_and_stops_at_its_end_token(string family)
    {
        using var model = Load(Layout(family));

        var completion = Assert.Single((await model.InfillAsync(new InfillRequest("int x = ", ";"), default)).Completions);

        Assert.Equal(ScriptedModelFixture.Script, completion.Text);
        Assert.True(completion.Finished);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void The_prompt_is_pre_prefix_suf_suffix_mid_with_bos_only_where_the_gguf_asks_for_it(string family)
    {
        var layout = Layout(family);
        using var model = Load(layout);

        var tokens = model.Prompt.Build("a", "b").Select(token => (int)token).ToArray();

        int[] body =
        [
            CodeLlamaVocabulary.Prefix, CodeLlamaVocabulary.Space, CodeLlamaVocabulary.CharacterId('a'),
            CodeLlamaVocabulary.Suffix, CodeLlamaVocabulary.Space, CodeLlamaVocabulary.CharacterId('b'),
            CodeLlamaVocabulary.Middle,
        ];
        Assert.Equal(layout.AddBos ? [CodeLlamaVocabulary.Bos, .. body] : body, tokens);
    }

    [Fact]
    public void Repository_context_goes_in_file_separator_chunks_for_a_model_with_fim_rep_and_fim_sep()
    {
        using var model = Load(FimLayout.Qwen25Coder);
        var request = new InfillRequest("a", "b") { Extra = [new InfillChunk("Other.cs", "c")] };

        var tokens = model.Prompt.Build(request).Select(token => (int)token).ToList();

        Assert.Equal(FimLayout.RepositoryId, tokens[0]);
        Assert.Equal(model.Prompt.Tokenize("myproject\n").Select(token => (int)token), tokens[1..(1 + model.Prompt.Tokenize("myproject\n").Length)]);
        var separators = tokens.Select((token, index) => (token, index)).Where(entry => entry.token == FimLayout.FileSeparatorId).Select(entry => entry.index).ToList();
        Assert.Equal(2, separators.Count);
        var firstFile = tokens[(separators[0] + 1)..separators[1]];
        Assert.Equal(model.Prompt.Tokenize("Other.cs\n").Concat(model.Prompt.Tokenize("c")).Select(token => (int)token), firstFile);
        Assert.Equal(CodeLlamaVocabulary.Prefix, tokens[separators[1] + 1 + model.Prompt.Tokenize("filename\n").Length]);
    }

    [Fact]
    public void Repository_context_for_code_llama_is_text_chunks_before_the_prefix_marker()
    {
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(models.ScriptedPath) { ContextSize = 1024 });
        var request = new InfillRequest("a", "b") { Extra = [new InfillChunk("Other.cs", "c")] };

        var tokens = model.Prompt.Build(request);

        var snippet = model.Prompt.Tokenize("\n\n--- snippet ---\n\n").Concat(model.Prompt.Tokenize("c"));
        Assert.Equal([model.Prompt.Bos!.Value, .. snippet, model.Prompt.Prefix], tokens[..(tokens.ToList().IndexOf(model.Prompt.Prefix) + 1)]);
    }

    [Fact]
    public async Task Generation_ends_at_fim_pad()
    {
        var path = TestModels.WriteScripted(
            Path.Combine(models.Folder, "pad.gguf"), ScriptedModelFixture.Script, new TinyLlamaShape(Fim: FimLayout.StarCoder2), endToken: FimLayout.PadId);
        using var model = LlamaInfillModel.Load(new LlamaModelOptions(path) { ContextSize = 1024 });

        var completion = Assert.Single((await model.InfillAsync(new InfillRequest("x", "y"), default)).Completions);

        Assert.Equal(ScriptedModelFixture.Script, completion.Text);
        Assert.True(completion.Finished);
    }

    private static FimLayout Layout(string family) =>
        new[] { FimLayout.StarCoder2, FimLayout.CodeGemma, FimLayout.DeepSeekCoder, FimLayout.Qwen25Coder }.Single(layout => layout.Family == family);

    private LlamaInfillModel Load(FimLayout layout)
    {
        var path = Path.Combine(models.Folder, layout.Family + ".gguf");
        if (!File.Exists(path))
        {
            TestModels.WriteScripted(path, ScriptedModelFixture.Script, new TinyLlamaShape(Fim: layout));
        }

        return LlamaInfillModel.Load(new LlamaModelOptions(path) { ContextSize = 1024 });
    }
}
