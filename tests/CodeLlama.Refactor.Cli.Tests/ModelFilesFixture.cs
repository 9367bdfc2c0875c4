using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>The model files the command tests use, written once per test class into a temporary folder.</summary>
public sealed class ModelFilesFixture : IDisposable
{
    /// <summary>What the documentation model writes in every element.</summary>
    public const string DocScript = "Computes the answer from its inputs.";

    /// <summary>What the repair model writes in place of the broken statement.</summary>
    public const string FixScript = "var width = name.Length * 2;";

    // Llama 2's turn format, which Code Llama Instruct uses; the instruct model's script starts after its closing ']'.
    private const string InstructTemplate = "{% for message in messages %}{{ '[INST] ' + message['content'] + ' [/INST]' }}{% endfor %}";

    public ModelFilesFixture()
    {
        Directory.CreateDirectory(Folder);
        DocModel = TestModels.WriteScripted(In("doc.gguf"), DocScript);
        FixModel = TestModels.WriteScripted(In("fix.gguf"), FixScript);
        InstructFixModel = TestModels.WriteScripted(
            In("fix-instruct.gguf"), FixScript, new TinyLlamaShape(ChatTemplate: InstructTemplate), startToken: CodeLlamaVocabulary.CharacterId(']'));
        RandomModel = TestModels.WriteRandom(In("random.gguf"));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "clr-cli-models-" + Guid.NewGuid().ToString("N")[..8]);

    public string DocModel { get; }

    public string FixModel { get; }

    /// <summary>A chat model (a template, no FIM prompt needed) that answers every instruction with <see cref="FixScript"/>.</summary>
    public string InstructFixModel { get; }

    public string RandomModel { get; }

    /// <summary>A path in the fixture's folder.</summary>
    public string In(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
