namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>Where the .NET SDK and NuGet's package cache are, which a sandboxed build must still see.</summary>
internal static class DotnetPaths
{
    /// <summary>NuGet's global packages folder: NUGET_PACKAGES, else ~/.nuget/packages.</summary>
    public static string PackageCache =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The folder of the <c>dotnet</c> that runs the tests: DOTNET_ROOT, else the real path of the one on PATH.</summary>
    public static string? Root =>
        Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Executable.Find("dotnet") is { } dotnet ? Path.GetDirectoryName(ResolveLinks(dotnet)) : null;

    private static string ResolveLinks(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}
