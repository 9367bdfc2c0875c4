namespace CodeLlama.Refactor.Workspaces;

/// <summary>Paths as reports and globs see them: relative to the solution's folder, with forward slashes.</summary>
public static class RelativePaths
{
    /// <summary>Returns <paramref name="fullPath"/> relative to <paramref name="rootDirectory"/>, with forward slashes.</summary>
    /// <param name="rootDirectory">The solution's folder.</param>
    /// <param name="fullPath">An absolute path.</param>
    /// <returns>The relative path.</returns>
    public static string From(string rootDirectory, string fullPath) =>
        Path.GetRelativePath(rootDirectory, fullPath).Replace('\\', '/');
}
