using CodeLlama.Refactor.Core.Tests.Verification.Sandbox;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Testing;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Verification.Testing;

[Collection(SandboxCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class TestBenchTests
{
    private const string Calculator = """
        namespace Lib;

        public static class Calculator
        {
            public static int Add(int a, int b) => a + b;
        }
        """;

    private const string CalculatorTests = """
        using Lib;
        using Xunit;

        namespace Lib.Tests;

        public sealed class CalculatorTests
        {
            [Fact]
            public void Add_SumsBoth() => Assert.Equal(5, Calculator.Add(2, 3));

            [Fact]
            public void Add_ZeroIsNeutral() => Assert.Equal(0, Calculator.Add(0, 0));
        }
        """;

    // A build step the workspace does not see (it skips design-time builds): the built assembly holds a type the
    // compiler alone does not emit.
    private const string StampingLibrary = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
          <Target Name="AddBuildStamp" BeforeTargets="CoreCompile" Condition="'$(DesignTimeBuild)' != 'true'">
            <WriteLinesToFile File="$(IntermediateOutputPath)BuildStamp.cs" Lines="namespace Lib { public static class BuildStamp { } }" Overwrite="true" />
            <ItemGroup><Compile Include="$(IntermediateOutputPath)BuildStamp.cs" /></ItemGroup>
          </Target>
        </Project>
        """;

    // A manifest resource MSBuild embeds, which the workspace's project does not hold.
    private const string ResourceLibrary = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
          <ItemGroup><EmbeddedResource Include="greeting.txt" LogicalName="greeting" /></ItemGroup>
        </Project>
        """;

    private const string ResourceTests = """
        using Lib;
        using Xunit;

        namespace Lib.Tests;

        public sealed class GreetingTests
        {
            [Fact]
            public void TheEmbeddedGreetingIsThere()
            {
                using var stream = typeof(Calculator).Assembly.GetManifestResourceStream("greeting");
                Assert.NotNull(stream);
                Assert.Equal("hello", new StreamReader(stream).ReadToEnd().Trim());
                Assert.Equal(5, Calculator.Add(2, 3));
            }
        }
        """;

    // Packs on build, with its documentation file in the package: the compiler's documentation file is not there when
    // the compilation is emitted in memory, and packing would stop the build (NU5026).
    private const string PackingLibrary = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
          <PropertyGroup><GeneratePackageOnBuild>true</GeneratePackageOnBuild><GenerateDocumentationFile>true</GenerateDocumentationFile><NoWarn>CS1591</NoWarn></PropertyGroup>
        </Project>
        """;

    [Fact]
    public async Task ALibraryThatPacksOnBuild_IsStillCompiledInMemory()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Calculator.cs"] = Calculator }, new Dictionary<string, string> { ["CalculatorTests.cs"] = CalculatorTests });
        File.WriteAllText(solution.File("Lib/Lib.csproj"), PackingLibrary);
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        using var bench = new TestBench(solution.Directory, TimeSpan.FromMinutes(5), sandbox: null, loaded.Outputs) { DocumentationBuilt = loaded.ProjectsDiagnosingDocumentation };

        var first = await AttemptAsync(bench, loaded, "b + a");
        var wrong = await AttemptAsync(bench, loaded, "a - b");

        Assert.True(first is { Verdict: TestVerdict.Passed, Passed: 2 }, first.Detail);
        Assert.True(first.Notes.Contains("compiled in memory; MSBuild built the rest without the compiler"), string.Join("\n", first.Notes));
        Assert.True(wrong is { Verdict: TestVerdict.Failed, Failed: 1 }, wrong.Detail);
        Assert.True(wrong.Notes.Contains("Lib: emitted"), string.Join("\n", wrong.Notes));
    }

    [Fact]
    public async Task ATestProjectWhoseWarningsAreErrors_WithoutADocumentationFile_IsStillCompiledInMemory()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Calculator.cs"] = Calculator }, new Dictionary<string, string> { ["CalculatorTests.cs"] = CalculatorTests });
        // Its public test class has no documentation comment: the workspace reports CS1591 there, its build does not.
        File.WriteAllText(
            solution.File("Lib.Tests/Lib.Tests.csproj"),
            TemporarySolution.TestProject.Replace("<Nullable>", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors><Nullable>", StringComparison.Ordinal));
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        using var bench = new TestBench(solution.Directory, TimeSpan.FromMinutes(5), sandbox: null, loaded.Outputs) { DocumentationBuilt = loaded.ProjectsDiagnosingDocumentation };

        var first = await AttemptAsync(bench, loaded, "b + a");

        Assert.True(first is { Verdict: TestVerdict.Passed, Passed: 2 }, first.Detail);
        Assert.True(first.Notes.Contains("compiled in memory; MSBuild built the rest without the compiler"), string.Join("\n", first.Notes));
    }

    [Fact]
    public async Task TheFirstBuild_EmitsTheResourcesMSBuildEmbeds_WithoutCompiling()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Calculator.cs"] = Calculator }, new Dictionary<string, string> { ["GreetingTests.cs"] = ResourceTests });
        File.WriteAllText(solution.File("Lib/Lib.csproj"), ResourceLibrary);
        File.WriteAllText(solution.File("Lib/greeting.txt"), "hello");
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        using var bench = new TestBench(solution.Directory, TimeSpan.FromMinutes(5), sandbox: null);

        var first = await AttemptAsync(bench, loaded, "b + a");
        var wrong = await AttemptAsync(bench, loaded, "a - b");

        Assert.True(first is { Verdict: TestVerdict.Passed, Passed: 1 }, first.Detail);
        Assert.True(first.Notes.Contains("compiled in memory; MSBuild built the rest without the compiler"), string.Join("\n", first.Notes));
        Assert.True(wrong is { Verdict: TestVerdict.Failed, Failed: 1 }, wrong.Detail);
        Assert.True(wrong.Notes.Contains("Lib: emitted"), string.Join("\n", wrong.Notes));
    }

    [Fact]
    public async Task LaterAttempts_EmitTheChangedAssemblies_AndTheirTestsFailOrPassAsABuildWould()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Calculator.cs"] = Calculator }, new Dictionary<string, string> { ["CalculatorTests.cs"] = CalculatorTests });
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        using var bench = new TestBench(solution.Directory, TimeSpan.FromMinutes(5), sandbox: null);

        var first = await AttemptAsync(bench, loaded, "b + a");
        var wrong = await AttemptAsync(bench, loaded, "a - b");
        var right = await AttemptAsync(bench, loaded, "a + b + 0");

        Assert.True(first is { Verdict: TestVerdict.Passed, Passed: 2 }, first.Detail);
        // The first build compiles nothing itself: the verified compilations stand in for the compiler.
        Assert.True(first.Notes.Contains("compiled in memory; MSBuild built the rest without the compiler"), string.Join("\n", first.Notes));
        Assert.True(wrong is { Verdict: TestVerdict.Failed, Failed: 1, Passed: 1 }, wrong.Detail);
        Assert.Contains("Add_SumsBoth", wrong.Detail, StringComparison.Ordinal);
        Assert.True(right is { Verdict: TestVerdict.Passed, Passed: 2 }, right.Detail);
        Assert.True(wrong.Notes.Contains("Lib: emitted"), string.Join("\n", wrong.Notes));
        Assert.True(right.Notes.Contains("Lib: emitted"), string.Join("\n", right.Notes));
        Assert.DoesNotContain(right.Notes, note => note.Contains("MSBuild", StringComparison.Ordinal));
        // The first attempt is built by MSBuild, so its tests start after the build; later ones start beside their emit.
        Assert.DoesNotContain(first.Notes, note => note.Contains("beside the emit", StringComparison.Ordinal));
        Assert.True(wrong.Notes.Contains("tests started beside the emit"), string.Join("\n", wrong.Notes));
        Assert.True(right.Notes.Contains("tests started beside the emit"), string.Join("\n", right.Notes));
    }

    [Fact]
    public async Task UntilAnAttemptFails_EachRunsEveryTestOnce_WithoutRestoringWhatTheUserRestored()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Calculator.cs"] = Calculator }, new Dictionary<string, string> { ["CalculatorTests.cs"] = CalculatorTests });
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        using var bench = new TestBench(solution.Directory, TimeSpan.FromMinutes(5), sandbox: null, loaded.Outputs) { DocumentationBuilt = loaded.ProjectsDiagnosingDocumentation };

        var first = await AttemptAsync(bench, loaded, "b + a", TestScope.ImpactedFirst);
        var runsAfterFirst = bench.Runs;
        var wrong = await AttemptAsync(bench, loaded, "a - b", TestScope.ImpactedFirst);
        var runsAfterWrong = bench.Runs;
        var right = await AttemptAsync(bench, loaded, "a + b + 0", TestScope.ImpactedFirst);

        Assert.True(first is { Verdict: TestVerdict.Passed, Passed: 2 }, first.Detail);
        Assert.Equal(1, runsAfterFirst);
        Assert.True(first.Notes.Contains("not restored again: the copy holds the user's restore, newer than every project file"), string.Join("\n", first.Notes));
        Assert.True(wrong is { Verdict: TestVerdict.Failed, Failed: 1 }, wrong.Detail);
        Assert.Equal(2, runsAfterWrong);
        // After a failure the impacted tests go first, then, as they pass, every test.
        Assert.True(right is { Verdict: TestVerdict.Passed, Passed: 2 }, right.Detail);
        Assert.Equal(4, bench.Runs);
        Assert.Contains("impacted test(s) passed first", right.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProjectWhoseBuildAddsWhatTheCompilerCannot_IsBuiltByMSBuild_AndSaysWhy()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Calculator.cs"] = Calculator }, new Dictionary<string, string> { ["CalculatorTests.cs"] = CalculatorTests });
        File.WriteAllText(solution.File("Lib/Lib.csproj"), StampingLibrary);
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        using var bench = new TestBench(solution.Directory, TimeSpan.FromMinutes(5), sandbox: null);

        var first = await AttemptAsync(bench, loaded, "b + a");
        var wrong = await AttemptAsync(bench, loaded, "a - b");

        Assert.True(first.Succeeded, first.Detail);
        var firstNote = Assert.Single(first.Notes, note => note.StartsWith("compiled by MSBuild", StringComparison.Ordinal));
        Assert.Contains("BuildStamp.cs", firstNote, StringComparison.Ordinal);
        Assert.True(wrong is { Verdict: TestVerdict.Failed, Failed: 1 }, wrong.Detail);
        var note = Assert.Single(wrong.Notes, note => note.StartsWith("Lib: built by MSBuild", StringComparison.Ordinal));
        Assert.Contains("Lib.BuildStamp", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADryRunsWorkspace_WhoseBuildOutputsWentToAScratchFolder_StillCompilesInMemory()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Calculator.cs"] = Calculator }, new Dictionary<string, string> { ["CalculatorTests.cs"] = CalculatorTests });
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory), new LoadOptions(LeaveTreeUnchanged: true));
        var library = loaded.Solution.Projects.Single(project => project.Name == "Lib");
        using var bench = new TestBench(solution.Directory, TimeSpan.FromMinutes(5), sandbox: null, loaded.Outputs);

        var first = await AttemptAsync(bench, loaded, "b + a");
        var wrong = await AttemptAsync(bench, loaded, "a - b");

        // The workspace holds the scratch folder's paths; the build of the copy writes under the project's own folder.
        Assert.DoesNotContain(solution.Directory, library.CompilationOutputInfo.AssemblyPath, StringComparison.Ordinal);
        Assert.Equal(solution.File("Lib/obj/Debug/net10.0/Lib.dll"), loaded.Outputs.IntermediateAssemblyPath(library));
        Assert.Equal(solution.File("Lib/bin/Debug/net10.0/Lib.dll"), loaded.Outputs.AssemblyPath(library));
        Assert.True(first is { Verdict: TestVerdict.Passed, Passed: 2 }, first.Detail);
        Assert.True(first.Notes.Contains("compiled in memory; MSBuild built the rest without the compiler"), string.Join("\n", first.Notes));
        Assert.True(wrong is { Verdict: TestVerdict.Failed, Failed: 1 }, wrong.Detail);
        Assert.True(wrong.Notes.Contains("Lib: emitted"), string.Join("\n", wrong.Notes));
    }

    [Fact]
    public async Task OverTheUsersBuild_TheFirstAttemptEmitsWithoutMSBuild_AndItsCodeIsWhatTheTestsRun()
    {
        using var solution = TemporarySolution.Create(
            new Dictionary<string, string> { ["Calculator.cs"] = Calculator }, new Dictionary<string, string> { ["CalculatorTests.cs"] = CalculatorTests });
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        // The user's working copy: built after its last edit.
        using (var build = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", ["build", solution.File("App.sln"), "--no-restore"]) { RedirectStandardOutput = true }))
        {
            var output = await build!.StandardOutput.ReadToEndAsync();
            await build.WaitForExitAsync();
            Assert.True(build.ExitCode == 0, output);
        }

        using var bench = new TestBench(solution.Directory, TimeSpan.FromMinutes(5), sandbox: null, loaded.Outputs) { DocumentationBuilt = loaded.ProjectsDiagnosingDocumentation };

        var wrong = await AttemptAsync(bench, loaded, "a - b");
        var right = await AttemptAsync(bench, loaded, "b + a");

        // The built library adds; the emitted candidate subtracts, and that is what fails.
        Assert.True(wrong is { Verdict: TestVerdict.Failed, Failed: 1, Passed: 1 }, wrong.Detail);
        Assert.Contains(wrong.Notes, note => note.StartsWith("emitted over the user's build, without MSBuild: Lib", StringComparison.Ordinal));
        Assert.DoesNotContain(wrong.Notes, note => note.Contains("compiled in memory", StringComparison.Ordinal) || note.Contains("built by MSBuild", StringComparison.Ordinal));
        Assert.True(right is { Verdict: TestVerdict.Passed, Passed: 2 }, right.Detail);
        Assert.True(right.Notes.Contains("Lib: emitted"), string.Join("\n", right.Notes));
        // Both runs started before their emit and waited for it: the failure above is the emitted candidate's.
        Assert.True(wrong.Notes.Contains("tests started beside the emit"), string.Join("\n", wrong.Notes));
        Assert.True(right.Notes.Contains("tests started beside the emit"), string.Join("\n", right.Notes));
    }

    private static async Task<TestOutcome> AttemptAsync(TestBench bench, LoadedSolution loaded, string body, TestScope scope = TestScope.Full)
    {
        var document = loaded.Solution.Projects.Single(project => project.Name == "Lib").Documents.Single(document => document.Name == "Calculator.cs");
        var original = await document.GetTextAsync();
        var updated = SourceText.From(original.ToString().Replace("a + b", body, StringComparison.Ordinal));
        var candidate = loaded.Solution.WithDocumentText(document.Id, updated);
        var tests = TestRunner.AffectedTestProjects(candidate, [document.Project.Id]);
        return await bench.RunAsync(
            candidate, [new FileEdit(document.FilePath!, original, updated)], tests, scope, modelWritten: false, CancellationToken.None);
    }
}
