using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;
using CodeLlama.Refactor.Workspaces.Recorded;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// Check with a load cache: the first check records MSBuild's load (a ruleset's warnings included), the next checks the
/// record while MSBuild loads again and reports only once the two agree; when they do not, it reports MSBuild's.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SpeculativeCheckTests
{
    // The imported symbol decides whether the misspelt name is compiled; the project also has a ruleset with warnings.
    private static readonly Dictionary<string, string> Files = ImportedSymbolSolution.Files(
        "\n    <CodeAnalysisRuleSet>lib.ruleset</CodeAnalysisRuleSet>",
        new Dictionary<string, string>
        {
            ["Lib/lib.ruleset"] = """
                <?xml version="1.0" encoding="utf-8"?>
                <RuleSet Name="Lib" ToolsVersion="17.0">
                  <Rules AnalyzerId="Microsoft.CodeAnalysis.NetAnalyzers" RuleNamespace="Microsoft.CodeAnalysis.NetAnalyzers">
                    <Rule Id="CA1822" Action="Warning" />
                    <Rule Id="CA1805" Action="Info" />
                  </Rules>
                </RuleSet>
                """,
        });

    [Fact]
    public async Task TheNextCheck_StartsFromTheRecord_AndReportsWhatMSBuildsLoadMakes()
    {
        using var solution = TemporarySolution.FromFiles(Files);
        using var cacheFolder = new TemporaryFolder();
        var path = SolutionPath.Resolve(solution.Directory);
        var options = new CheckOptions() { LoadCache = new LoadCache(cacheFolder.Path) };

        var first = await CheckPipeline.RunAsync(path, options);
        Assert.Empty(first.Errors);
        Assert.NotNull(options.LoadCache.TryRead(path, options.Loading));

        // The record says FAST, and its stamps do not name the imported file: the check of the record finds nothing,
        // MSBuild's load says otherwise, and its check is the one reported.
        File.WriteAllText(solution.File(ImportedSymbolSolution.ImportedFile), ImportedSymbolSolution.Symbols("SLOW"));
        var reports = new ProgressReports();
        var second = await CheckPipeline.RunAsync(path, options, reports);

        Assert.Contains(reports.All, report => report.Item.Contains("changed since they were last loaded (Lib: parse options)", StringComparison.Ordinal));
        Assert.Equal("CS0103", Assert.Single(second.Errors).Id);

        // MSBuild's load was recorded in its place: the next check starts from it and agrees.
        reports = new ProgressReports();
        var third = await CheckPipeline.RunAsync(path, options, reports);

        Assert.Contains(reports.All, report => report.Item.Contains("as last loaded", StringComparison.Ordinal));
        Assert.DoesNotContain(reports.All, report => report.Item.Contains("changed since", StringComparison.Ordinal));
        Assert.Equal("CS0103", Assert.Single(third.Errors).Id);
    }
}
