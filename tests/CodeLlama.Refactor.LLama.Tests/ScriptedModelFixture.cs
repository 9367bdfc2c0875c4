using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.LLama.Tests;

/// <summary>Writes the scripted and random test models once for the tests that share them, and deletes them after.</summary>
public sealed class ScriptedModelFixture : IDisposable
{
    /// <summary>What the scripted model writes after ▁&lt;MID&gt;.</summary>
    public const string Script = "Computes the answer from its inputs.";

    public ScriptedModelFixture()
    {
        Directory.CreateDirectory(Folder);
        ScriptedPath = TestModels.WriteScripted(Path.Combine(Folder, "scripted.gguf"), Script);
        RandomPath = TestModels.WriteRandom(Path.Combine(Folder, "random.gguf"));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "clr-models-" + Guid.NewGuid().ToString("N")[..8]);

    public string ScriptedPath { get; }

    public string RandomPath { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
