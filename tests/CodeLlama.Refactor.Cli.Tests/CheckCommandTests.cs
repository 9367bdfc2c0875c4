using System.Text.Json;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

[Trait("Category", "EndToEnd")]
public sealed class CheckCommandTests
{
    [Fact]
    public async Task MissingPath_IsBadInput_WithOneLineOnStderr()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("check", "/no/such/folder/App.sln");

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal("error: Path not found: /no/such/folder/App.sln", error.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public async Task FolderWithSeveralSolutions_IsBadInput_ListingThem()
    {
        var folder = Directory.CreateTempSubdirectory("check-several-").FullName;
        File.WriteAllText(Path.Combine(folder, "A.sln"), "");
        File.WriteAllText(Path.Combine(folder, "B.sln"), "");

        var (exitCode, _, error) = await CliRunner.RunAsync("check", folder);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("A.sln, B.sln", error);
    }

    [Fact]
    public async Task UnreadableSolutionFile_IsBadInput_WithoutAStackTrace()
    {
        var folder = Directory.CreateTempSubdirectory("check-garbage-").FullName;
        var solution = Path.Combine(folder, "Broken.sln");
        File.WriteAllText(solution, "this is not a solution file");

        var (exitCode, _, error) = await CliRunner.RunAsync("check", solution);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith("error: ", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Theory]
    [InlineData("--format", "yaml")]
    [InlineData("--visibility", "private")]
    [InlineData("--verbosity", "loud")]
    [InlineData("--no-such-option", "x")]
    public async Task BadOptionValue_IsBadInput(string option, string value)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("check", ".", option, value);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("error:", error);
    }

    [Fact]
    public async Task Help_ExplainsTheCommandAndItsExitCodes()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("check", "--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("--visibility", output);
        Assert.Contains("1: findings remain", output);
    }

    [Fact]
    public async Task UndocumentedSample_JsonReport_HasTheDocumentedShape_AndExitCodeOne()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var reportFile = Path.Combine(sample.CopyRoot, "report.json");

        var (exitCode, output, _) = await CliRunner.RunAsync("check", sample.Directory, "--format", "json", "--output", reportFile);

        Assert.Equal(ExitCodes.FindingsRemain, exitCode);
        Assert.Empty(output);
        using var report = JsonDocument.Parse(File.ReadAllText(reportFile));
        var root = report.RootElement;
        Assert.Empty(root.GetProperty("errors").EnumerateArray());
        var radius = root.GetProperty("undocumented").EnumerateArray()
            .Single(member => member.GetProperty("symbol").GetString() == "Geometry.Circle.Radius");
        Assert.Equal("property", radius.GetProperty("kind").GetString());
        Assert.Equal("src/Geometry/Circle.cs", radius.GetProperty("file").GetString());
        Assert.Equal(16, radius.GetProperty("line").GetInt32());
        var summary = root.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("projects").GetInt32());
        Assert.Equal(root.GetProperty("undocumented").GetArrayLength(), summary.GetProperty("undocumented").GetInt32());
        Assert.True(summary.GetProperty("elapsedMs").GetInt64() > 0);
    }

    [Fact]
    public async Task DocumentedAndBuildingProject_ExitsZero()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var project = Path.Combine(sample.Directory, "src", "Geometry", "Geometry.csproj");
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(project)!, "*.cs"))
        {
            File.Delete(file);
        }

        File.WriteAllText(Path.Combine(Path.GetDirectoryName(project)!, "Only.cs"),
            "namespace Geometry;\n\n/// <summary>Nothing else.</summary>\npublic static class Only\n{\n}\n");

        var (exitCode, output, _) = await CliRunner.RunAsync("check", project);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("0 error(s), 0 undocumented member(s)", output);
    }
}
