using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>How check, doc and fix load a solution: restore warnings, dry runs that write nothing, --no-restore.</summary>
[Trait("Category", "EndToEnd")]
public sealed class LoadingCommandTests
{
    private const string Documented = """
        namespace Lib;

        /// <summary>Writes JSON.</summary>
        public static class Json
        {
            /// <summary>The JSON text of a value.</summary>
            /// <param name="value">The value.</param>
            /// <returns>Its JSON.</returns>
            public static string Write(object value) => Newtonsoft.Json.JsonConvert.SerializeObject(value);
        }
        """;

    private const string Undocumented = """
        namespace Lib;

        public static class Json
        {
            public static string Write(object value) => Newtonsoft.Json.JsonConvert.SerializeObject(value);
        }
        """;

    [Theory]
    [InlineData(Documented, ExitCodes.Success)]
    [InlineData(Undocumented, ExitCodes.FindingsRemain)]
    public async Task Check_of_a_project_with_a_NU1603_restore_warning_shows_it_and_exits_on_its_findings(string source, int expectedExit)
    {
        using var project = PackageLibrary("13.0.0", source);

        var (exitCode, _, error) = await CliRunner.RunAsync("check", project.Directory);

        Assert.True(exitCode == expectedExit, error);
        Assert.Contains("warning: ", error, StringComparison.Ordinal);
        Assert.Contains("Newtonsoft.Json 13.0.1 was resolved instead", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("doc", Samples.Undocumented, false)]
    [InlineData("doc", Samples.Undocumented, true)]
    [InlineData("fix", Samples.BrokenBuild, false)]
    public async Task A_dry_run_of_a_restored_solution_leaves_every_byte_of_the_tree_identical(string command, string sampleName, bool built)
    {
        using var sample = Samples.Copy(sampleName);
        var (restoreExit, restoreOutput) = await DotnetCli.RunAsync(sample.Directory, built ? "build" : "restore");
        Assert.True(restoreExit == 0, restoreOutput);
        var before = TreeSnapshot.Take(sample.CopyRoot);

        var (exitCode, output, error) = await CliRunner.RunAsync(command, sample.Directory, "--dry-run");

        Assert.True(exitCode is ExitCodes.Success or ExitCodes.FindingsRemain, error);
        Assert.Contains("+++ b/", output, StringComparison.Ordinal);
        var after = TreeSnapshot.Take(sample.CopyRoot);
        Assert.True(before.SequenceEqual(after), TreeSnapshot.Difference(before, after));
    }

    [Fact]
    public async Task A_dry_run_of_a_never_restored_solution_restores_privately_writes_nothing_and_still_shows_the_diff()
    {
        using var project = PackageLibrary("13.0.1", Undocumented);
        var before = TreeSnapshot.Take(project.Directory);

        var (exitCode, output, error) = await CliRunner.RunAsync("doc", project.Directory, "--dry-run");

        Assert.True(exitCode is ExitCodes.Success or ExitCodes.FindingsRemain, error);
        Assert.Contains("+/// <summary>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0103", output + error, StringComparison.Ordinal);
        var after = TreeSnapshot.Take(project.Directory);
        Assert.True(before.SequenceEqual(after), TreeSnapshot.Difference(before, after));
    }

    [Fact]
    public async Task A_dry_run_fix_of_a_never_restored_solution_of_two_projects_restores_each_privately_and_writes_nothing()
    {
        using var sample = Samples.Copy(Samples.BrokenBuild);
        var before = TreeSnapshot.Take(sample.CopyRoot);

        // Exit 0 means every error would be fixed: the test project's xunit types resolved from the private restore.
        var (exitCode, _, error) = await CliRunner.RunAsync("fix", sample.Directory, "--dry-run", "--tests", "none");

        Assert.True(exitCode == ExitCodes.Success, error);
        var after = TreeSnapshot.Take(sample.CopyRoot);
        Assert.True(before.SequenceEqual(after), TreeSnapshot.Difference(before, after));
    }

    [Fact]
    public async Task Check_with_no_restore_never_restores_and_says_why_package_types_are_missing()
    {
        using var project = PackageLibrary("13.0.1", Documented);

        var (exitCode, _, error) = await CliRunner.RunAsync("check", project.Directory, "--no-restore");

        Assert.Equal(ExitCodes.FindingsRemain, exitCode);
        Assert.False(File.Exists(Path.Combine(project.Directory, "obj", "project.assets.json")));
        Assert.Contains("--no-restore", error, StringComparison.Ordinal);
    }

    private static TemporaryFolder PackageLibrary(string newtonsoftVersion, string source)
    {
        var folder = new TemporaryFolder();
        folder.Write("Directory.Build.props", "<Project />\n");
        folder.Write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        folder.Write("Lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><GenerateDocumentationFile>true</GenerateDocumentationFile></PropertyGroup>
              <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="{newtonsoftVersion}" /></ItemGroup>
            </Project>
            """);
        folder.Write("Json.cs", source);
        return folder;
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("loading-command-").FullName;

        public void Write(string name, string text) => File.WriteAllText(Path.Combine(Directory, name), text);

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
