using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// Several errors in one file, repaired by the embedded sources as a new user would run <c>fix</c> (real dotnet test
/// runs of a real xunit project): each error is judged by the tests that reach it, so one error's wrong candidate does
/// not take the others down, and a guess no test reaches is never written.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class InteractingErrorsTests
{
    private const string Payroll = """
        using System;
        using System.Text.RegularExpressions;

        namespace Lib;

        public static class Payroll
        {
            public static decimal WeeklyPay(decimal rate, decimal hours)
            {
                var regular = Math.Min(hours, 40m);
                var overtime = Math.Max(hours - 40m, 0m);
                return Pay(rate, regular);
            }

            public static decimal WithTax(decimal price) => prce * 1.2m;

            public static int Double(int count)
            {
                return count * 2
            }

            public static string Label(int count)
            {
                var text = $"{count} item(s)";
            }

            public static string FirstNumber(string input)
            {
                var found = Regex.Match(input, "[0-9]+");
                return match.Value;
            }

            public static string Describe(string name, int age) => Format(age, name);

            private static string Format(string name, int age) => $"{name} ({age})";

            private static decimal Pay(decimal rate, decimal regularHours, decimal extraHours) => (rate * regularHours) + (rate * 1.5m * extraHours);
        }
        """;

    private const string PayrollTests = """
        using Lib;
        using Xunit;

        public class PayrollTests
        {
            [Fact]
            public void WeeklyPay_FortyHours_IsRateTimesHours() => Assert.Equal(400m, Payroll.WeeklyPay(10m, 40m));

            [Fact]
            public void WeeklyPay_Overtime_IsPaidHalfAgainMore() => Assert.Equal(475m, Payroll.WeeklyPay(10m, 45m));

            [Fact]
            public void WithTax_AddsTwentyPercent() => Assert.Equal(12m, Payroll.WithTax(10m));

            [Fact]
            public void Double_IsTwice() => Assert.Equal(10, Payroll.Double(5));

            [Fact]
            public void Label_CountsItems() => Assert.Equal("3 item(s)", Payroll.Label(3));

            [Fact]
            public void FirstNumber_FindsTheDigits() => Assert.Equal("42", Payroll.FirstNumber("order 42 shipped"));

            [Fact]
            public void FirstNumber_WithoutDigits_IsEmpty() => Assert.Equal("", Payroll.FirstNumber("none"));

            [Fact]
            public void Describe_NamesThenAge() => Assert.Equal("Ada (36)", Payroll.Describe("Ada", 36));
        }
        """;

    [Fact]
    public async Task SixErrorsInOneFile_EightTests_AllRepaired_AndAllTestsPass()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Payroll.cs"] = Payroll },
            new Dictionary<string, string> { ["PayrollTests.cs"] = PayrollTests });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());
        using var report = new StringWriter();
        FixReport.Write(result, ReportFormat.Text, report);

        Assert.True(result.Remaining.Count == 0, report.ToString());
        Assert.True(result.Tests is { Succeeded: true, Passed: 8 }, report.ToString());
        Assert.All(result.Errors, record => Assert.Equal(FixStatus.Fixed, record.Status));
        var written = File.ReadAllText(solution.File("Lib/Payroll.cs"));
        Assert.Matches(@"Pay\(rate, regular, (extraHours: )?overtime\)", written);
        Assert.Contains("return found.Value;", written, StringComparison.Ordinal);
        Assert.Contains("Format(name, age)", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuessesInAMemberNoTestReaches_AreNotWritten_TheRightFixElsewhereIs_AndEachSaysWhy()
    {
        // Label and WeeklyPay have no test: a missing return and a missing argument there have only guesses (several
        // type-correct ones for the argument); WithTax's misspelling is a correction the compiler alone may decide.
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["Payroll.cs"] = """
                    using System;

                    namespace Lib;

                    public static class Payroll
                    {
                        public static decimal WeeklyPay(decimal rate, decimal hours)
                        {
                            var regular = Math.Min(hours, 40m);
                            var overtime = Math.Max(hours - 40m, 0m);
                            return Pay(rate, regular);
                        }

                        public static string Label(int count)
                        {
                            var text = $"{count} item(s)";
                        }

                        public static decimal WithTax(decimal price) => prce * 1.2m;

                        private static decimal Pay(decimal rate, decimal regularHours, decimal extraHours) => (rate * regularHours) + (rate * 1.5m * extraHours);
                    }
                    """,
            },
            new Dictionary<string, string>
            {
                ["PayrollTests.cs"] = "using Lib;\nusing Xunit;\n\npublic class PayrollTests\n{\n    [Fact]\n    public void WithTax_AddsTwentyPercent() => Assert.Equal(12m, Payroll.WithTax(10m));\n}\n",
            });
        var before = File.ReadAllText(solution.File("Lib/Payroll.cs"));

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());
        using var text = new StringWriter();
        FixReport.Write(result, ReportFormat.Text, text);
        using var sarif = new StringWriter();
        FixReport.Write(result, ReportFormat.Sarif, sarif);

        var label = result.Errors.Single(record => record.Error.Message.Contains("Label", StringComparison.Ordinal));
        var pay = result.Errors.Single(record => record.Error.Message.Contains("extraHours", StringComparison.Ordinal));
        var tax = result.Errors.Single(record => record.Error.Message.Contains("prce", StringComparison.Ordinal));
        Assert.Equal(FixStatus.UntestedGuess, label.Status);
        Assert.Equal(ReasonKind.UntestedGuess, label.Reason?.Kind);
        Assert.Contains("Label", label.Reason?.Member, StringComparison.Ordinal);
        Assert.Equal(FixStatus.UntestedGuess, pay.Status);
        Assert.True(pay.Tried.Count(tried => tried.Outcome == Verdict.UntestedGuess) >= 2, text.ToString());
        Assert.Equal(FixStatus.Fixed, tax.Status);
        var written = File.ReadAllText(solution.File("Lib/Payroll.cs"));
        Assert.NotEqual(before, written);
        Assert.Contains("=> price * 1.2m;", written, StringComparison.Ordinal);
        Assert.Contains("return Pay(rate, regular);", written, StringComparison.Ordinal);
        Assert.DoesNotContain("return text;", written, StringComparison.Ordinal);
        Assert.DoesNotContain("default", written, StringComparison.Ordinal);
        Assert.False(result.IsClean);
        Assert.Contains("untested guess, nothing written: no test reaches", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("suggestion, not written (typed: ", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("untested guess, not written", sarif.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorWithNoCandidate_SaysWhichSourcesWereAsked_AndTheSpellingFixBesideItIsWritten()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string>
            {
                ["Pricing.cs"] = "namespace Lib;\n\npublic static class Pricing\n{\n    public static decimal WithTax(decimal price) => prce * 1.2m;\n\n    public static int Size(string text) => text.Frobnicate();\n}\n",
            },
            new Dictionary<string, string>
            {
                ["PricingTests.cs"] = "using Lib;\nusing Xunit;\n\npublic class PricingTests\n{\n    [Fact]\n    public void WithTax_AddsTwentyPercent() => Assert.Equal(12m, Pricing.WithTax(10m));\n}\n",
            });

        var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());
        using var json = new StringWriter();
        FixReport.Write(result, ReportFormat.Json, json);

        var tax = result.Errors.Single(record => record.Error.Message.Contains("prce", StringComparison.Ordinal));
        Assert.Equal(FixStatus.Fixed, tax.Status);
        Assert.Contains("=> price * 1.2m;", File.ReadAllText(solution.File("Lib/Pricing.cs")), StringComparison.Ordinal);
        Assert.All(result.Errors.Where(record => record.Status != FixStatus.Fixed), record =>
        {
            Assert.NotNull(record.Reason);
            Assert.NotEmpty(FixReport.Reason(record));
        });
        Assert.Contains(result.Errors, record => record.Reason is { Kind: ReasonKind.NoCandidate } reason && reason.Items.Contains("TypeDirectedSource"));
        Assert.Contains("\"reasonKind\": \"no candidate\"", json.ToString(), StringComparison.Ordinal);
    }
}
