using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Core.Tests.Workspaces;

/// <summary>Loading real projects through MSBuildWorkspace: what is a warning, what refuses, and what a dry run writes.</summary>
[Trait("Category", "EndToEnd")]
public sealed class WorkspaceLoaderTests
{
    [Fact]
    public async Task Loading_progress_counts_towards_the_solutions_projects_and_msbuild_properties_reach_them()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var progress = new ProgressReports();

        using var loaded = await WorkspaceLoader.LoadAsync(
            SolutionPath.Resolve(sample.Directory),
            new LoadOptions(Properties: new Dictionary<string, string> { ["DefineConstants"] = "FROM_COMMAND_LINE" }),
            progress: progress);

        Assert.Contains(progress.All, report => report.Stage == "Loading" && report.Total == 1 && report.Done == 1);
        Assert.Contains("FROM_COMMAND_LINE", loaded.Projects.Single().ParseOptions!.PreprocessorSymbolNames);
    }

    [Fact]
    public async Task A_restore_warning_NU1603_is_a_warning_and_the_project_compiles_with_its_package()
    {
        using var project = PackageProject.Create("13.0.0");
        Assert.Equal(0, (await DotnetCli.RunAsync(project.Directory, "restore")).ExitCode);

        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(project.Directory));

        var warning = Assert.Single(loaded.Diagnostics, diagnostic => diagnostic.Message.Contains("13.0.1 was resolved instead", StringComparison.Ordinal));
        Assert.False(warning.IsFailure);
        Assert.DoesNotContain("Msbuild failed", warning.Message, StringComparison.Ordinal);
        Assert.Empty(await ErrorsAsync(loaded));
    }

    [Theory]
    [InlineData(RestoreMode.Auto)]
    [InlineData(RestoreMode.Never)]
    public async Task A_project_that_cannot_be_evaluated_is_refused(RestoreMode restore)
    {
        using var project = PackageProject.Create("13.0.1");
        File.WriteAllText(project.ProjectFile, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework>
            </Project>
            """);

        var exception = await Assert.ThrowsAsync<InputException>(() => WorkspaceLoader.LoadAsync(SolutionPath.Resolve(project.Directory), new LoadOptions(restore)));

        Assert.Contains("Lib.csproj", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_build_step_of_a_project_that_still_compiles_is_a_warning()
    {
        using var project = PackageProject.Create("13.0.1");
        File.WriteAllText(project.ProjectFile, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.1" /></ItemGroup>
              <Target Name="Stamp" BeforeTargets="CoreCompile"><Error Text="stamping failed" /></Target>
            </Project>
            """);

        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(project.Directory));

        Assert.Contains(loaded.Diagnostics, diagnostic => !diagnostic.IsFailure && diagnostic.Message.EndsWith("Lib.csproj: stamping failed", StringComparison.Ordinal));
        Assert.Empty(await ErrorsAsync(loaded));
    }

    [Fact]
    public async Task Leaving_the_tree_unchanged_a_restored_project_is_loaded_without_writing_obj()
    {
        using var project = PackageProject.Create("13.0.1");
        Assert.Equal(0, (await DotnetCli.RunAsync(project.Directory, "restore")).ExitCode);
        var before = TreeSnapshot.Take(project.Directory);

        using (var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(project.Directory), new LoadOptions(LeaveTreeUnchanged: true)))
        {
            Assert.Empty(await ErrorsAsync(loaded));
            // The design-time build's generated sources are still part of the compilation, read from elsewhere.
            Assert.Contains(loaded.Projects.Single().Documents, document => document.Name.EndsWith(".AssemblyInfo.cs", StringComparison.Ordinal));
        }

        var after = TreeSnapshot.Take(project.Directory);
        Assert.True(before.SequenceEqual(after), TreeSnapshot.Difference(before, after));
    }

    [Fact]
    public async Task Loading_normally_a_restored_project_writes_the_design_time_outputs_under_obj()
    {
        using var project = PackageProject.Create("13.0.1");
        Assert.Equal(0, (await DotnetCli.RunAsync(project.Directory, "restore")).ExitCode);
        var before = TreeSnapshot.Take(project.Directory);

        using (await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(project.Directory)))
        {
        }

        // What the test above shows is kept out of the tree: without the redirect it lands here.
        Assert.Contains(TreeSnapshot.Take(project.Directory).Keys, file => file.StartsWith("obj/Debug/", StringComparison.Ordinal) && !before.ContainsKey(file));
    }

    [Fact]
    public async Task Leaving_the_tree_unchanged_a_never_restored_project_is_restored_privately_and_compiles()
    {
        using var project = PackageProject.Create("13.0.1");
        var before = TreeSnapshot.Take(project.Directory);
        string scratch;

        using (var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(project.Directory), new LoadOptions(LeaveTreeUnchanged: true)))
        {
            Assert.Empty(await ErrorsAsync(loaded));
            scratch = Path.GetDirectoryName(loaded.Projects.Single().Documents.Single(document => document.Name.EndsWith(".AssemblyInfo.cs", StringComparison.Ordinal)).FilePath!)!;
            Assert.False(scratch.StartsWith(project.Directory, StringComparison.Ordinal), scratch);
        }

        var after = TreeSnapshot.Take(project.Directory);
        Assert.True(before.SequenceEqual(after), TreeSnapshot.Difference(before, after));
        Assert.False(Directory.Exists(scratch), "the private restore outlived the workspace");
    }

    [Fact]
    public async Task With_restore_never_a_never_restored_project_is_loaded_as_it_is_and_says_so()
    {
        using var project = PackageProject.Create("13.0.1");

        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(project.Directory), new LoadOptions(RestoreMode.Never, LeaveTreeUnchanged: true));

        Assert.False(File.Exists(Path.Combine(project.Directory, "obj", "project.assets.json")));
        Assert.Contains(loaded.Diagnostics, diagnostic => diagnostic.Message.Contains("never restored", StringComparison.Ordinal));
        Assert.Contains(await ErrorsAsync(loaded), error => error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("Newtonsoft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_additional_file_that_does_not_exist_is_loaded_as_an_empty_text_and_every_other_text_is_read_at_load()
    {
        using var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Lib/Lib.csproj"] = """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
                  <ItemGroup>
                    <AdditionalFiles Include="PublicAPI/net10.0/PublicAPI.Shipped.txt" />
                    <AdditionalFiles Include="Names.txt" />
                  </ItemGroup>
                </Project>
                """,
            ["Lib/Names.txt"] = "Alpha\n",
            ["Lib/Calculator.cs"] = "namespace Lib;\n\npublic static class Calculator\n{\n    public static int Add(int a, int b) => a + b;\n}\n",
        });

        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));

        var project = loaded.Projects.Single();
        var missing = project.AdditionalDocuments.Single(document => document.Name == "PublicAPI.Shipped.txt");
        var present = project.AdditionalDocuments.Single(document => document.Name == "Names.txt");
        // Read at load: nothing is left for Roslyn's loader to read (and, for the missing file, to retry) later.
        Assert.True(missing.TryGetText(out var empty));
        Assert.Equal(string.Empty, empty.ToString());
        Assert.True(present.TryGetText(out var names));
        Assert.Equal("Alpha\n", names.ToString());
        Assert.All(project.Documents, document => Assert.True(document.TryGetText(out _), document.Name));
        Assert.Empty(await ErrorsAsync(loaded));
    }

    private static async Task<IReadOnlyList<Diagnostic>> ErrorsAsync(LoadedSolution loaded)
    {
        var compilation = await loaded.Projects.Single().GetCompilationAsync();
        return compilation!.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
    }
}
