using System.Security.Cryptography;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

[Trait("Category", "EndToEnd")]
public sealed class FixPipelineTests
{
    private static readonly FixOptions CompileOnly = new(Tests: TestMode.None);

    [Fact]
    public async Task BrokenSample_IsRepairedCompletely_BuildsAndItsTestsPass()
    {
        using var sample = Samples.Copy(Samples.BrokenBuild);

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(sample.Directory), new FixOptions());
        var (buildExit, buildOutput) = await DotnetCli.RunAsync(sample.Directory, "test", "-nologo");

        Assert.True(result.IsClean, string.Join("\n", result.Remaining.Select(error => $"{error.Id} {error.Message}")));
        Assert.Equal(6, result.Errors.Count);
        Assert.All(result.Errors, record => Assert.Equal(FixStatus.Fixed, record.Status));
        Assert.Contains(result.Errors, record => record.Source == "parser" && record.Error.Id == "CS1002");
        Assert.Contains(result.Errors, record => record.Title == "Change 'Totl' to 'Total'.");
        Assert.True(result.Tests is { Succeeded: true, Passed: 4 });
        Assert.Equal(0, buildExit);
        Assert.Contains("Passed!", buildOutput);
    }

    // No repair round, no test run and no safety gate (whose analyzers take a while to load): the run ends once the
    // loaded solution is seen to have no errors. The stages that did not run have no time at all.
    [Fact]
    public async Task SolutionWithoutErrors_EndsAfterLoading_WithoutARepairRoundOrATestRun()
    {
        using var sample = Samples.Copy(Samples.Undocumented);

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(sample.Directory), new FixOptions());

        Assert.True(result.IsClean);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Files);
        Assert.Equal(0, result.Iterations);
        Assert.Equal(0, result.TestRuns);
        Assert.Null(result.Tests);
        Assert.Equal(TimeSpan.Zero, result.Times.Repairing);
        Assert.Equal(TimeSpan.Zero, result.Times.Testing);
        Assert.Equal(TimeSpan.Zero, result.Times.Writing);
        Assert.True(result.Times.Loading > TimeSpan.Zero);
    }

    [Fact]
    public async Task ErrorsRevealedByEarlierFixes_AreRepairedOverSeveralRounds()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string>
        {
            ["Report.cs"] = """
                namespace Lib;

                public static class Report
                {
                    public static List<int> MakeList() => [1, 2, 3];

                    public static int Size()
                    {
                        var header = "count"
                        var list = MakeLst();
                        return list.Cont + header.Length;
                    }
                }
                """,
        });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), CompileOnly);

        Assert.Empty(result.Remaining);
        Assert.True(result.Iterations >= 2, $"{result.Iterations} round(s)");
        Assert.Contains(result.Errors, record => record.Error.Id == "CS1061" && record.Title == "Change 'Cont' to 'Count'.");
        Assert.Contains("var header = \"count\";", File.ReadAllText(solution.File("Lib/Report.cs")));
        Assert.Contains("return list.Count + header.Length;", File.ReadAllText(solution.File("Lib/Report.cs")));
    }

    [Fact]
    public async Task CandidateThatBreaksATest_IsNotWritten_AndTheNextOneIs()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["Order.cs"] = """
                    namespace Lib;

                    public sealed class Order(int count, decimal cost)
                    {
                        public int Count { get; } = count;

                        public decimal Cost { get; } = cost;

                        public decimal Total => Count * Cout;
                    }
                    """,
            },
            new Dictionary<string, string>
            {
                ["OrderTests.cs"] = """
                    using Lib;
                    using Xunit;

                    public class OrderTests
                    {
                        [Fact]
                        public void Total_IsCountTimesCost() => Assert.Equal(7.5m, new Order(3, 2.5m).Total);
                    }
                    """,
            });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());

        var record = Assert.Single(result.Errors);
        Assert.Equal("Change 'Cout' to 'Cost'.", record.Title);
        Assert.Contains(record.Tried, tried => tried.Title == "Change 'Cout' to 'Count'." && tried.Outcome == Verdict.FailedTests);
        Assert.True(result.Tests is { Succeeded: true });
        Assert.Contains("Count * Cost;", File.ReadAllText(solution.File("Lib/Order.cs")));
    }

    [Fact]
    public async Task DryRun_LeavesEveryByteAsItWas_AndShowsTheDiff()
    {
        using var sample = Samples.Copy(Samples.BrokenBuild);
        var before = Hashes(sample.Directory);

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(sample.Directory), CompileOnly with { DryRun = true });

        Assert.Equal(before, Hashes(sample.Directory));
        Assert.Empty(result.Remaining);
        Assert.Contains(result.Files, file => file.Status == FileStatus.DryRun && file.Diff.Contains("+            items.Add(item);", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FileEditedOnDiskMidRun_IsNotOverwritten()
    {
        using var sample = Samples.Copy(Samples.BrokenBuild);
        var stock = sample.File("src/Inventory/Stock.cs");
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(sample.Directory), FeatureHost.Services);
        var edited = File.ReadAllText(stock).Replace("items.Add(item)\n", "items.Add(item); // fixed by hand\n", StringComparison.Ordinal);
        File.WriteAllText(stock, edited);

        var result = await FixPipeline.RepairAsync(loaded, CompileOnly);

        Assert.Equal(edited, File.ReadAllText(stock));
        Assert.Equal(FileStatus.Conflict, result.Files.Single(file => file.FilePath == stock).Status);
        Assert.False(result.IsClean);
        Assert.NotEmpty(result.Remaining);
        Assert.DoesNotContain(result.Errors, record => record.Status == FixStatus.Fixed && record.Error.FilePath != stock);
    }

    [Fact]
    public async Task ErrorInGeneratedCode_IsNeverEdited()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string>
        {
            ["Client.g.cs"] = "namespace Lib;\n\npublic static class Client\n{\n    public static int Port => Defalt;\n\n    public const int Default = 80;\n}\n",
        });
        var generated = solution.File("Lib/Client.g.cs");
        var before = File.ReadAllText(generated);

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), CompileOnly);

        Assert.Equal(before, File.ReadAllText(generated));
        Assert.Contains(result.Remaining, error => error.Id == "CS0103");
        Assert.Contains(result.Errors.Single().Tried, tried => tried.Outcome == Verdict.EditsGeneratedCode);
    }

    [Fact]
    public async Task DeletedUsingWithASingleUse_ComesBackAsTheUsing_AndIdenticalErrorsAreCountedEach()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string>
        {
            ["Text/Clip.cs"] = "namespace Lib.Text;\n\npublic static class Clip\n{\n    public static string Trim(string value) => value.Trim();\n}\n",
            ["Label.cs"] = "namespace Lib;\n\npublic static class Label\n{\n    public static string Show(string value) => Clip.Trim(value);\n}\n",
            ["Labels.cs"] = "namespace Lib;\n\npublic static class Labels\n{\n    public static string A(string v) => Clip.Trim(v);\n\n    public static string B(string v) => Clip.Trim(v);\n}\n",
        });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), CompileOnly);

        Assert.Empty(result.Remaining);
        Assert.StartsWith("using Lib.Text;", File.ReadAllText(solution.File("Lib/Label.cs")), StringComparison.Ordinal);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, record => Assert.Equal(FixStatus.Fixed, record.Status));
    }

    [Fact]
    public async Task CandidateThatAddsAFile_IsNotChosen_AndWhatIsReportedFixedBuildsFromDisk()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string>
        {
            ["Shop.cs"] = "namespace Lib;\n\npublic static class Shop\n{\n    public static object Open() => new Basket();\n}\n",
        });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), CompileOnly);
        var (buildExit, _) = await DotnetCli.RunAsync(solution.Directory, "build", "-nologo");

        var tried = result.Errors.SelectMany(record => record.Tried).ToList();
        Assert.Contains(tried, candidate => candidate.Title.Contains("new file", StringComparison.Ordinal) && candidate.Outcome == Verdict.ChangesProject);
        Assert.Equal(["Shop.cs"], Directory.EnumerateFiles(solution.File("Lib"), "*.cs").Select(Path.GetFileName).ToList());
        Assert.Equal(result.IsClean, buildExit == 0);
        Assert.All(result.Files, file => Assert.Equal(file.Edit.Updated.ToString(), File.ReadAllText(file.FilePath)));
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(file => file, file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));
}
