using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>
/// An expression nested 10,000 deep, which the compiler accepts: check, fix and doc, each its own process as a user runs
/// it, end with their ordinary exit codes instead of a stack overflow (exit code 134) on a thread pool thread.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DeepNestingProcessTests
{
    private const int Depth = 10_000;

    [Fact]
    public async Task Check_fix_and_doc_end_normally_on_a_10000_deep_expression_that_dotnet_build_compiles()
    {
        var deep = new string('(', Depth) + "1" + new string(')', Depth);
        using var solution = TemporarySolution.Create(new Dictionary<string, string>
        {
            ["Deep.cs"] = $"namespace Lib;\n\npublic static class Deep\n{{\n    public static int Value()\n    {{\n        var x = {deep};\n        return x;\n    }}\n\n"
                + "    public static int Twice(int price) => prce * 2;\n}\n",
        });

        // The premise: csc binds the expression, and the typo below it is the only error it reports.
        var (_, build) = await DotnetCli.RunAsync(solution.Directory, "build", "-nologo");
        Assert.Equal(["CS0103"], DotnetCli.ParseDiagnostics(build).Where(diagnostic => diagnostic.Severity == "error").Select(diagnostic => diagnostic.Id).Distinct());

        var check = await RunAsync("check", solution.Directory);
        var fix = await RunAsync("fix", "--dry-run", "--tests", "none", solution.Directory);
        var doc = await RunAsync("doc", "--dry-run", solution.Directory);

        Assert.True(check.ExitCode == ExitCodes.FindingsRemain, $"check: exit {check.ExitCode}\n{check.Error}");
        Assert.Contains("CS0103", check.Output, StringComparison.Ordinal);
        Assert.True(fix.ExitCode == ExitCodes.Success, $"fix: exit {fix.ExitCode}\n{fix.Error}");
        Assert.Contains("1 of 1 error(s) fixed", fix.Output, StringComparison.Ordinal);
        // doc documents everything, and still exits 1: the typo leaves the build failing, and exit 0 means it builds.
        Assert.True(doc.ExitCode == ExitCodes.FindingsRemain, $"doc: exit {doc.ExitCode}\n{doc.Error}");
        Assert.Contains("(100%)", doc.Output, StringComparison.Ordinal);
        Assert.Contains("CS0103", doc.Output, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        ToolProcess.RunAsync(["dotnet", ToolProcess.Tool, .. arguments], TimeSpan.FromMinutes(5));
}
