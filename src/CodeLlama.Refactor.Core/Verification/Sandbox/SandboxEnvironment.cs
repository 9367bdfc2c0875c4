namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>
/// The environment a sandboxed command gets: an allow-list, never the caller's environment, so that CI secrets
/// (GITHUB_TOKEN, NUGET_API_KEY, AWS_*, AZURE_*, …) never reach test code.
/// </summary>
public static class SandboxEnvironment
{
    /// <summary>The folder inside the copy that serves as HOME and DOTNET_CLI_HOME.</summary>
    public const string HomeFolder = ".home";

    /// <summary>The variables a command over <paramref name="writableRoot"/> runs with.</summary>
    /// <param name="writableRoot">The private copy.</param>
    /// <returns>Names and values, nothing else.</returns>
    public static IReadOnlyDictionary<string, string> For(string writableRoot)
    {
        var home = Path.Combine(writableRoot, HomeFolder);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = DotnetPaths.PackageCache,
            ["TMPDIR"] = "/tmp",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
            // The workload check would try the network, which is not there, and print a warning about it.
            ["DOTNET_SKIP_WORKLOAD_INTEGRITY_CHECK"] = "true",
            ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true",
            // Build servers would outlive the run and keep files of the copy open.
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["LANG"] = Environment.GetEnvironmentVariable("LANG") ?? "C.UTF-8",
        };
        if (DotnetPaths.Root is { } root)
        {
            variables["DOTNET_ROOT"] = root;
        }

        return variables;
    }
}
