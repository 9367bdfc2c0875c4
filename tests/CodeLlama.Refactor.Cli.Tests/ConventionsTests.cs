using System.Text.Json;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>The command-line conventions of dotnet, MSBuild and dotnet format.</summary>
public sealed class ConventionsTests
{
    [Fact]
    public async Task UnknownOption_IsReportedAsSuch_WithExitCode2()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("check", "--bogus");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("Unrecognized option '--bogus'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Path not found", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("q")]
    [InlineData("m")]
    [InlineData("n")]
    [InlineData("d")]
    [InlineData("diag")]
    [InlineData("quiet")]
    [InlineData("diagnostic")]
    public async Task Verbosity_TakesMSBuildsWordsAndAbbreviations(string verbosity)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("check", "-v", verbosity, "/no/such/App.sln");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("Path not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPipelineCommand_TakesTheScopeOptions()
    {
        foreach (var command in new[] { "check", "fix", "doc" })
        {
            var (exitCode, _, error) = await CliRunner.RunAsync(
                command, "--include", "src/**", "--exclude", ".github/**", "--changed-since", "HEAD", "-p:Configuration=Release", "/no/such/App.sln");

            Assert.True(exitCode == ExitCodes.BadInput && error.Contains("Path not found", StringComparison.Ordinal), $"{command}: {error}");
        }
    }

    [Fact]
    public async Task Check_ScopedToFilesAndDiagnostics_ReportsOnlyThose_AndSaysAtNormalVerbosityOnlyPerFile()
    {
        using var sample = Samples.Copy(Samples.Undocumented);

        var (_, all, _) = await CliRunner.RunAsync("check", sample.Directory);
        var (_, detailed, _) = await CliRunner.RunAsync("check", "-v", "d", "--include", "src/**/Circle.cs", sample.Directory);
        var (exitCode, none, _) = await CliRunner.RunAsync("check", "--exclude-diagnostics", "CS1591", "-p:Configuration=Release", sample.Directory);
        var (_, json, _) = await CliRunner.RunAsync("check", "--format", "json", "--include", "src/**/Circle.cs", sample.Directory);

        Assert.Contains("src/Geometry/Circle.cs: ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("warning CS1591", all, StringComparison.Ordinal);
        Assert.Contains("warning CS1591", detailed, StringComparison.Ordinal);
        Assert.All(detailed.Split('\n').Where(line => line.Contains("CS1591", StringComparison.Ordinal)),
            line => Assert.StartsWith("src/Geometry/Circle.cs", line, StringComparison.Ordinal));
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("0 error(s), 0 undocumented member(s)", none, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(1, document.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("check", document.RootElement.GetProperty("command").GetString());
    }

    [Fact]
    public async Task Doc_VerifyNoChanges_PrintsTheDiff_WritesNothing_AndExits1()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var circle = sample.File("src/Geometry/Circle.cs");
        var before = File.ReadAllText(circle);

        var (exitCode, output, error) = await CliRunner.RunAsync("doc", "--verify-no-changes", sample.Directory);

        Assert.Equal(ExitCodes.FindingsRemain, exitCode);
        Assert.Contains("+++ b/src/Geometry/Circle.cs", output, StringComparison.Ordinal);
        Assert.Contains("would change (--verify-no-changes)", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(circle));
    }

    [Fact]
    public async Task Fix_VerifyNoChanges_PrintsTheRepairs_WritesNothing_AndOnlyErrorsExcludedByNameStopCounting()
    {
        using var sample = Samples.Copy(Samples.BrokenBuild);
        var before = Directory.EnumerateFiles(sample.Directory, "*.cs", SearchOption.AllDirectories).ToDictionary(file => file, File.ReadAllText);

        var (exitCode, output, _) = await CliRunner.RunAsync("fix", "--verify-no-changes", "--tests", "none", sample.Directory);
        var (outOfScope, scopedOutput, _) = await CliRunner.RunAsync("fix", "--verify-no-changes", "--tests", "none", "--diagnostics", "CS9999", sample.Directory);
        var (excluded, excludedOutput, _) = await CliRunner.RunAsync("fix", "--verify-no-changes", "--tests", "none", "--exclude", "src/Inventory/**", sample.Directory);

        Assert.Equal(ExitCodes.FindingsRemain, exitCode);
        Assert.Contains("+++ b/", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.FindingsRemain, outOfScope);
        Assert.DoesNotContain("+++ b/", scopedOutput, StringComparison.Ordinal);
        Assert.Contains("src/Inventory/Stock.cs(11,28): error CS1002", scopedOutput, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, excluded);
        Assert.DoesNotContain("+++ b/", excludedOutput, StringComparison.Ordinal);
        Assert.Contains("compile error(s) excluded by --exclude/--exclude-diagnostics and not counted", excludedOutput, StringComparison.Ordinal);
        Assert.All(before, entry => Assert.Equal(entry.Value, File.ReadAllText(entry.Key)));
    }
}
