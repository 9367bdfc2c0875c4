using System.Text.RegularExpressions;
using CodeLlama.Refactor.PrivateFiles;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

public sealed class BenchCommandTests
{
    private const string Pricing = """
        namespace Lib;

        public static class Pricing
        {
            public static int Total(int price, int quantity)
            {
                int total = price * quantity;
                return total;
            }

            public static int Twice(int amount)
            {
                int doubled = Total(amount, 2);
                return doubled;
            }
        }

        """;

    [Fact]
    public async Task MissingPath_IsExit2()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("bench", "/no/such/App.sln");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("Path not found", error, StringComparison.Ordinal);
    }

    [UnixFact]
    [Trait("Category", "EndToEnd")]
    public async Task CtrlC_AfterAMutant_WritesThePartialReport_Exits130_AndLeavesTheFilesAsTheyWere()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Pricing.cs"] = Pricing });
        var before = TreeSnapshot.Take(solution.Directory);
        var copies = new HashSet<string>(StringComparer.Ordinal);
        var pid = "";

        // setsid and perl as in CtrlCWhileLoadingTests: a process group of its own, SIGINT at its default. Each mutant is
        // repaired in a copy named after the tool's pid (the first copy times one fix run): the third copy means one
        // mutant is done.
        var (exitCode, output, error) = await ToolProcess.RunAsync(
            ["setsid", "perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die", "dotnet", ToolProcess.Tool,
                "bench", solution.Directory, "--mutants", "3", "--kinds", "syntax,misspelled-name,deleted-return", "--tests", "none"],
            TimeSpan.FromMinutes(10),
            async (process, exited) =>
            {
                pid = ToolProcess.Pid(process);
                while (!exited.IsCompleted && copies.Count < 3)
                {
                    copies.UnionWith(Directory.EnumerateDirectories(PrivateFolder.Root, $"bench-{pid}-*"));
                    await Task.Delay(100);
                }

                if (!exited.IsCompleted)
                {
                    await ToolProcess.InterruptAsync("-" + pid);
                }
            });

        Assert.True(copies.Count == 3, $"the run ended before its second mutant: {error}");
        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.True(new Regex("Interrupted after [12] of 3 mutant").IsMatch(output), $"no partial report; stderr: {error}");
        Assert.Contains("| all ", output, StringComparison.Ordinal);
        Assert.Matches(@"bench: mutant 2 of 3 \([a-z-]+, .+\), about \d+ s left", error);
        Assert.Contains("the report above is partial", error, StringComparison.Ordinal);
        Assert.Equal("", TreeSnapshot.Difference(before, TreeSnapshot.Take(solution.Directory)));
    }
}
