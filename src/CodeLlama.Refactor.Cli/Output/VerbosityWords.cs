namespace CodeLlama.Refactor.Cli.Output;

/// <summary>The words <c>--verbosity</c> takes, as MSBuild and dotnet take them.</summary>
internal static class VerbosityWords
{
    private static readonly Dictionary<string, Verbosity> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["q"] = Verbosity.Quiet,
        ["quiet"] = Verbosity.Quiet,
        ["m"] = Verbosity.Minimal,
        ["minimal"] = Verbosity.Minimal,
        ["n"] = Verbosity.Normal,
        ["normal"] = Verbosity.Normal,
        ["d"] = Verbosity.Detailed,
        ["detailed"] = Verbosity.Detailed,
        ["diag"] = Verbosity.Diagnostic,
        ["diagnostic"] = Verbosity.Diagnostic,
    };

    public static bool TryParse(string word, out Verbosity verbosity) => Words.TryGetValue(word, out verbosity);
}
