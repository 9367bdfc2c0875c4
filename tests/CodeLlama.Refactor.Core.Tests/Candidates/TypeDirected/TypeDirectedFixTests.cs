using CodeLlama.Refactor.Candidates.TypeDirected;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Candidates.TypeDirected;

/// <summary>
/// `fix` without a model on errors where several type-correct candidates compile: the tests reject the first-ranked
/// one and the next is written. Each runs the tests twice, so they are few.
/// </summary>
public sealed class TypeDirectedFixTests
{
    [Fact]
    public async Task DeletedReturn_TheLastAssignedLocalFailsTheTests_TheRightLocalIsWritten()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["Stats.cs"] = """
                    namespace Lib;

                    public static class Stats
                    {
                        public static int Largest(int[] values)
                        {
                            var largest = values[0];
                            var seen = 0;
                            foreach (var value in values)
                            {
                                if (value > largest)
                                {
                                    largest = value;
                                }

                                seen++;
                            }
                        }
                    }
                    """,
            },
            new Dictionary<string, string>
            {
                ["StatsTests.cs"] = """
                    using Lib;
                    using Xunit;

                    public class StatsTests
                    {
                        [Fact]
                        public void Largest_IsTheGreatestValue() => Assert.Equal(9, Stats.Largest([4, 9, 2]));
                    }
                    """,
            });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());

        var record = Assert.Single(result.Errors);
        Assert.Equal(FixStatus.Fixed, record.Status);
        Assert.Equal(TypeDirectedSource.SourceName, record.Source);
        Assert.Equal("Return 'largest' at the end of 'Largest'", record.Title);
        Assert.Contains(record.Tried, tried => tried.Title == "Return 'seen' at the end of 'Largest'" && tried.Outcome == CandidateOutcome.FailedTests);
        Assert.True(result.Tests is { Succeeded: true });
        Assert.Contains("            seen++;\n        }\n\n        return largest;\n    }", File.ReadAllText(solution.File("Lib/Stats.cs")).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task SwappedArguments_TheOrderThatMovesFewestFailsTheTests_TheOtherIsWritten()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["Report.cs"] = """
                    namespace Lib;

                    public static class Report
                    {
                        public static string Line(string label, string unit, int count) => $"{label}: {count} {unit}";

                        public static string Stock(string label, string unit, int count) => Line(count, label, unit);
                    }
                    """,
            },
            new Dictionary<string, string>
            {
                ["ReportTests.cs"] = """
                    using Lib;
                    using Xunit;

                    public class ReportTests
                    {
                        [Fact]
                        public void Stock_NamesTheLabelFirst() => Assert.Equal("apples: 3 kg", Report.Stock("apples", "kg", 3));
                    }
                    """,
            });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());

        // Both misplaced arguments are reported; one reordering repairs the two.
        Assert.All(result.Errors, error => Assert.Equal(FixStatus.Fixed, error.Status));
        var record = Assert.Single(result.Errors, error => error.Source == TypeDirectedSource.SourceName);
        Assert.Equal("Reorder the arguments of 'Report.Line(string, string, int)' to (label, unit, count)", record.Title);
        Assert.Contains(record.Tried, tried => tried.Title.EndsWith("to (unit, label, count)", StringComparison.Ordinal) && tried.Outcome == CandidateOutcome.FailedTests);
        Assert.Contains("=> Line(label, unit, count);", File.ReadAllText(solution.File("Lib/Report.cs")));
    }
}
