namespace CodeLlama.Refactor.Testing;

/// <summary>An empty folder under the system's temporary folder, deleted with what it holds on dispose.</summary>
public sealed class TemporaryFolder : IDisposable
{
    /// <summary>The folder.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("codellama-refactor-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
