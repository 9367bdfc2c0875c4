using System.Text.Json.Nodes;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;
using CodeLlama.Refactor.Workspaces.Recorded;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// Fix with a load cache: the first run records MSBuild's load, the next starts from the record while MSBuild loads
/// again, and writes only once the two agree. A record MSBuild no longer makes (an imported file changed, which the
/// record's stamps do not name) never decides what is written or reported.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SpeculativeFixTests
{
    [Fact]
    public async Task TheNextRun_StartsFromTheRecord_AndWritesOnlyWhatMSBuildsLoadConfirms()
    {
        using var solution = TemporarySolution.FromFiles(ImportedSymbolSolution.Files());
        using var cacheFolder = new TemporaryFolder();
        var path = SolutionPath.Resolve(solution.Directory);
        var options = new FixOptions(Tests: TestMode.None) { LoadCache = new LoadCache(cacheFolder.Path) };

        // Compiled with FAST: nothing to repair; the load is recorded.
        var first = await FixPipeline.RunAsync(path, options);
        Assert.Empty(first.Errors);
        Assert.NotNull(options.LoadCache.TryRead(path, options.Loading));

        // Without FAST the misspelling is compiled. The record still says FAST, and its stamps do not name the imported
        // file: the run starts from it, finds nothing to repair there, and MSBuild's load says otherwise.
        File.WriteAllText(solution.File(ImportedSymbolSolution.ImportedFile), ImportedSymbolSolution.Symbols("SLOW"));
        Assert.NotNull(options.LoadCache.TryRead(path, options.Loading));
        var reports = new ProgressReports();
        var second = await FixPipeline.RunAsync(path, options, reports);

        Assert.Contains(reports.All, report => report.Item.Contains("changed since they were last loaded (Lib: parse options)", StringComparison.Ordinal));
        var fixedError = Assert.Single(second.Errors);
        Assert.Equal(FixStatus.Fixed, fixedError.Status);
        Assert.Contains("=> value * 2;", File.ReadAllText(solution.File("Lib/Calc.cs")), StringComparison.Ordinal);
        Assert.Empty(second.Remaining);

        // MSBuild's load was recorded in its place: the next run starts from it and agrees.
        Misspell(solution);
        reports = new ProgressReports();
        var third = await FixPipeline.RunAsync(path, options, reports);

        Assert.Contains(reports.All, report => report.Item.Contains("as last loaded", StringComparison.Ordinal));
        Assert.DoesNotContain(reports.All, report => report.Item.Contains("changed since", StringComparison.Ordinal));
        Assert.Equal(FixStatus.Fixed, Assert.Single(third.Errors).Status);
        Assert.Contains("=> value * 2;", File.ReadAllText(solution.File("Lib/Calc.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecordThatCannotBeOpenedAgain_LeavesTheRunToMSBuildsLoad()
    {
        using var solution = TemporarySolution.FromFiles(ImportedSymbolSolution.Files());
        using var cacheFolder = new TemporaryFolder();
        var path = SolutionPath.Resolve(solution.Directory);
        var options = new FixOptions(Tests: TestMode.None) { LoadCache = new LoadCache(cacheFolder.Path) };
        File.WriteAllText(solution.File(ImportedSymbolSolution.ImportedFile), ImportedSymbolSolution.Symbols("SLOW"));
        Assert.Equal(FixStatus.Fixed, Assert.Single((await FixPipeline.RunAsync(path, options)).Errors).Status);
        Misspell(solution);

        // A reference the record names is gone (an SDK removed, say): the record cannot be opened again.
        var file = Assert.Single(Directory.GetFiles(cacheFolder.Path, "*.json"));
        var record = JsonNode.Parse(File.ReadAllText(file))!;
        record["Projects"]![0]!["CompilerArguments"]!.AsArray().Add("/reference:\"" + solution.File("gone/Missing.dll") + "\"");
        File.WriteAllText(file, record.ToJsonString());
        Assert.NotNull(options.LoadCache.TryRead(path, options.Loading));
        var reports = new ProgressReports();

        var result = await FixPipeline.RunAsync(path, options, reports);

        Assert.Contains(reports.All, report => report.Item.Contains("the last load could not be opened again", StringComparison.Ordinal));
        Assert.Equal(FixStatus.Fixed, Assert.Single(result.Errors).Status);
        Assert.Contains("=> value * 2;", File.ReadAllText(solution.File("Lib/Calc.cs")), StringComparison.Ordinal);
    }

    // Puts the misspelling the run repaired back.
    private static void Misspell(TemporarySolution solution) =>
        File.WriteAllText(solution.File("Lib/Calc.cs"), File.ReadAllText(solution.File("Lib/Calc.cs")).Replace("=> value * 2;", "=> valeu * 2;", StringComparison.Ordinal));
}
