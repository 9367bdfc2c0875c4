using CodeLlama.Refactor.Candidates.TypeDirected;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Candidates.TypeDirected;

/// <summary>
/// `fix` without a model on errors where several type-correct candidates compile: the tests reject the first-ranked
/// one and the next is written. Each runs the tests twice, so they are few.
/// </summary>
[Trait("Category", "EndToEnd")]
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
        Assert.Contains(record.Tried, tried => tried.Title == "Return 'seen' at the end of 'Largest'" && tried.Outcome == Verdict.FailedTests);
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
        Assert.Contains(record.Tried, tried => tried.Title.EndsWith("to (unit, label, count)", StringComparison.Ordinal) && tried.Outcome == Verdict.FailedTests);
        Assert.Contains("=> Line(label, unit, count);", File.ReadAllText(solution.File("Lib/Report.cs")));
    }

    [Fact]
    public async Task DeletedArgument_TwoValuesOfItsTypeCompile_TheOneTheTestsAcceptIsWritten()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["Area.cs"] = """
                    namespace Lib;

                    public static class Area
                    {
                        public static int Rectangle(int width, int height) => width * height;

                        public static int Wall(int width, int wallHeight, int doorHeight) => Rectangle(width) - doorHeight;
                    }
                    """,
            },
            new Dictionary<string, string>
            {
                ["AreaTests.cs"] = """
                    using Lib;
                    using Xunit;

                    public class AreaTests
                    {
                        [Fact]
                        public void Wall_IsTheWallLessTheDoor() => Assert.Equal(31, Area.Wall(4, 8, 1));
                    }
                    """,
            });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());

        var record = Assert.Single(result.Errors);
        Assert.Equal(FixStatus.Fixed, record.Status);
        Assert.Equal(TypeDirectedSource.SourceName, record.Source);
        Assert.True(result.Tests is { Succeeded: true }, result.Tests?.Detail);
        var written = File.ReadAllText(solution.File("Lib/Area.cs"));
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(written, @"=> Rectangle\(width, (height: )?wallHeight\) - doorHeight;"), written);
        // The other values of the parameter's type compiled too: the tests, not the compiler, chose.
        Assert.True(record.Tried.Count(tried => tried.Source == TypeDirectedSource.SourceName) >= 2, string.Join("; ", record.Tried.Select(tried => tried.Title)));
    }

    [Fact]
    public async Task UnassignedLocal_WhatTheOtherBranchAssignsFailsTheTests_DefaultIsWritten()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["Grade.cs"] = """
                    namespace Lib;

                    public static class Grade
                    {
                        public static string? Of(int score)
                        {
                            string? label;
                            if (score >= 50)
                            {
                                label = "pass";
                            }

                            return label;
                        }
                    }
                    """,
            },
            new Dictionary<string, string>
            {
                ["GradeTests.cs"] = """
                    using Lib;
                    using Xunit;

                    public class GradeTests
                    {
                        [Fact]
                        public void Of_PassesFifty() => Assert.Equal("pass", Grade.Of(50));

                        [Fact]
                        public void Of_GivesNoLabelBelowFifty() => Assert.Null(Grade.Of(10));
                    }
                    """,
            });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());

        var record = Assert.Single(result.Errors);
        Assert.Equal(FixStatus.Fixed, record.Status);
        Assert.Equal(TypeDirectedSource.SourceName, record.Source);
        Assert.True(result.Tests is { Succeeded: true }, result.Tests?.Detail);
        Assert.Contains(record.Tried, tried => tried.Title.Contains("\"pass\"", StringComparison.Ordinal) && tried.Outcome == Verdict.FailedTests);
        Assert.Matches(@"string\? label = (default|null)\b[^;]*;", File.ReadAllText(solution.File("Lib/Grade.cs")));
    }
}
