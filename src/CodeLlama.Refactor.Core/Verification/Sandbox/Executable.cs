namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>Finds programs the way a shell does.</summary>
internal static class Executable
{
    /// <summary>The full path of <paramref name="name"/> on PATH (or in the system folders), or null.</summary>
    public static string? Find(string name, params string[] extraFolders) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraFolders)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
