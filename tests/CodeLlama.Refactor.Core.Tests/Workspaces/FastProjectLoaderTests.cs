using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;
using CodeLlama.Refactor.Workspaces.Fast;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.Core.Tests.Workspaces;

/// <summary>
/// The loader that reads simple projects without MSBuild against MSBuildWorkspace itself, on real restored projects: the
/// same options, references, analyzers, documents (generated ones included, text for text), analyzer configuration,
/// and the same compiler diagnostics; and every project it cannot vouch for is left to MSBuild.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class FastProjectLoaderTests
{
    // Errors, warnings that the project's settings raise, lower or silence, nullable warnings, an .editorconfig severity,
    // unsafe code, a source generator at work (without it, CS8795), a missing comment and the implicit usings.
    private const string Library = """
        using System.Text.RegularExpressions;

        namespace Sample.Lib;

        /// <summary>Shapes.</summary>
        public static partial class Shapes
        {
            /// <summary>Words.</summary>
            [GeneratedRegex("[a-z]+")]
            public static partial Regex Words();

            public static int Undocumented(string? text)
            {
                int unused;
                int assigned = 1;
                string notNull = text;
                return notNull.Length + File.ReadAllText("x").Length;
                Console.WriteLine("unreachable");
            }

            /// <summary>Pointer.</summary>
            /// <returns>A size.</returns>
            public static unsafe int Pointer() { int value = 1; int* pointer = &value; return *pointer + missing; }
        }
        """;

    public static TheoryData<string, string> Projects => new()
    {
        {
            "Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <NoWarn>$(NoWarn);CS0168</NoWarn>
                <WarningsAsErrors>$(WarningsAsErrors);CS0219</WarningsAsErrors>
                <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                <RootNamespace>Sample.Lib</RootNamespace>
                <AssemblyName>Sample.Library</AssemblyName>
              </PropertyGroup>
            </Project>
            """
        },
        {
            "Strict.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>warnings</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <LangVersion>12</LangVersion>
              </PropertyGroup>
            </Project>
            """
        },
        {
            "App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """
        },
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task A_simple_project_loads_as_MSBuildWorkspace_loads_it(string projectName, string projectText)
    {
        using var folder = await RestoredAsync(projectName, projectText, new Dictionary<string, string>
        {
            ["Shapes.cs"] = Library,
            [".hidden/Ignored.cs"] = "this is not compiled",
            ["Sub/Program.cs"] = projectName == "App.csproj" ? "Console.WriteLine(args.Length);\n" : "namespace Sample.Lib.Sub;\n\ninternal sealed class Helper { }\n",
            ["Sub/.editorconfig"] = "[*.cs]\ndotnet_diagnostic.CS8321.severity = none\n",
            [".editorconfig"] = "root = true\n\n[*.cs]\ndotnet_diagnostic.CS0162.severity = error\n",
        });
        var path = SolutionPath.Resolve(Path.Combine(folder.Path, projectName));

        using var msbuild = await WorkspaceLoader.LoadAsync(path, LoadOptions.Default);
        using var fast = await FastProjectLoader.TryLoadAsync(path, LoadOptions.Default);

        Assert.NotNull(fast);
        var expected = msbuild.Projects.Single();
        var actual = fast.Projects.Single();
        Assert.Equal(Describe(expected), Describe(actual));
        Assert.Equal(await TextsAsync(expected.Documents), await TextsAsync(actual.Documents));
        Assert.Equal(await TextsAsync(expected.AnalyzerConfigDocuments), await TextsAsync(actual.AnalyzerConfigDocuments));
        Assert.Equal(msbuild.ProjectsDiagnosingDocumentation.Count, fast.ProjectsDiagnosingDocumentation.Count);
        var diagnostics = await DiagnosticsAsync(expected);
        Assert.Contains(diagnostics, diagnostic => diagnostic.StartsWith("CS0103", StringComparison.Ordinal));
        Assert.Equal(diagnostics, await DiagnosticsAsync(actual));
    }

    [Fact]
    public async Task Check_reports_the_same_findings_on_a_simple_project_as_through_MSBuild()
    {
        var (name, text) = ("Lib.csproj", (string)Projects.First()[1]);
        using var folder = await RestoredAsync(name, text, new Dictionary<string, string> { ["Shapes.cs"] = Library });
        var path = SolutionPath.Resolve(Path.Combine(folder.Path, name));

        var result = await CheckPipeline.RunAsync(path, new CheckOptions());
        using var msbuild = await WorkspaceLoader.LoadAsync(path, LoadOptions.Default);
        var errors = await CompileErrorFinder.FindAsync(msbuild);
        var undocumented = (await ReportedUndocumentedMembers.FindAsync(msbuild, Visibility.Public)).Select(entry => entry.Member);

        Assert.NotEmpty(result.Errors);
        Assert.Equal(errors, result.Errors);
        Assert.NotEmpty(result.Undocumented);
        Assert.Equal(undocumented, result.Undocumented);
    }

    public static TheoryData<string, string> NotSimple => new()
    {
        { "a package", "<ItemGroup><PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.1\" /></ItemGroup>" },
        { "a target", "<Target Name=\"Stamp\" BeforeTargets=\"CoreCompile\" />" },
        { "a conditional property", "<PropertyGroup Condition=\"'$(Configuration)' == 'Debug'\"><DefineConstants>EXTRA</DefineConstants></PropertyGroup>" },
        { "a property it does not model", "<PropertyGroup><DefineConstants>EXTRA</DefineConstants></PropertyGroup>" },
        { "another framework", "<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>" },
    };

    [Theory]
    [MemberData(nameof(NotSimple))]
    public async Task A_project_with_more_than_plain_properties_is_left_to_MSBuild(string what, string extra)
    {
        using var folder = await RestoredAsync("Lib.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              {extra}
            </Project>
            """, new Dictionary<string, string> { ["Shapes.cs"] = "namespace Lib;\n" });

        var loaded = await FastProjectLoader.TryLoadAsync(SolutionPath.Resolve(Path.Combine(folder.Path, "Lib.csproj")), LoadOptions.Default);

        Assert.True(loaded is null, $"a project with {what} was loaded without MSBuild");
    }

    [Fact]
    public async Task Build_settings_above_the_project_or_a_solution_leave_it_to_MSBuild()
    {
        using var folder = await RestoredAsync("Lib.csproj", (string)Projects.Last()[1], new Dictionary<string, string> { ["Program.cs"] = "return;\n" });
        var project = SolutionPath.Resolve(Path.Combine(folder.Path, "Lib.csproj"));
        using (var loaded = await FastProjectLoader.TryLoadAsync(project, LoadOptions.Default))
        {
            Assert.NotNull(loaded);
        }

        Assert.Null(await FastProjectLoader.TryLoadAsync(project, new LoadOptions(Properties: new Dictionary<string, string> { ["Configuration"] = "Release" })));
        Assert.Null(await FastProjectLoader.TryLoadAsync(project, new LoadOptions(LeaveTreeUnchanged: true)));
        File.WriteAllText(Path.Combine(folder.Path, "Directory.Build.props"), "<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>\n");
        Assert.Null(await FastProjectLoader.TryLoadAsync(project, LoadOptions.Default));
        File.Delete(Path.Combine(folder.Path, "Directory.Build.props"));
        Assert.Equal(0, (await DotnetCli.RunAsync(folder.Path, "new", "sln", "--name", "All")).ExitCode);
        Assert.Null(await FastProjectLoader.TryLoadAsync(SolutionPath.Resolve(Directory.GetFiles(folder.Path, "All.sln*").Single()), LoadOptions.Default));
    }

    // A restored project in a folder of its own, outside any repository's build settings (an empty Directory.Build.props
    // ends MSBuild's search there, as it ends the loader's).
    private static async Task<TemporaryFolder> RestoredAsync(string projectName, string projectText, IReadOnlyDictionary<string, string> files)
    {
        var folder = new TemporaryFolder();
        File.WriteAllText(Path.Combine(folder.Path, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder.Path, projectName), projectText);
        foreach (var (name, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder.Path, name))!);
            File.WriteAllText(Path.Combine(folder.Path, name), text);
        }

        var (exitCode, output) = await DotnetCli.RunAsync(folder.Path, "restore", projectName);
        Assert.True(exitCode == 0, output);
        return folder;
    }

    private static string Describe(Project project)
    {
        var parse = (CSharpParseOptions)project.ParseOptions!;
        var options = (CSharpCompilationOptions)project.CompilationOptions!;
        string[] lines =
        [
            $"name {project.Name}, assembly {project.AssemblyName}, namespace {project.DefaultNamespace}, file {project.FilePath}, output {project.OutputFilePath}",
            $"language {parse.LanguageVersion} ({parse.SpecifiedLanguageVersion}), documentation {parse.DocumentationMode}, kind {parse.Kind}",
            $"symbols {string.Join(';', parse.PreprocessorSymbolNames)}",
            $"features {string.Join(';', parse.Features.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key}={entry.Value}"))}",
            $"output {options.OutputKind}, nullable {options.NullableContextOptions}, unsafe {options.AllowUnsafe}, warn {options.WarningLevel}, general {options.GeneralDiagnosticOption}",
            $"checked {options.CheckOverflow}, optimize {options.OptimizationLevel}, platform {options.Platform}, main {options.MainTypeName}, module {options.ModuleName}",
            $"deterministic {options.Deterministic}, concurrent {options.ConcurrentBuild}, suppressed {options.ReportSuppressedDiagnostics}, usings {string.Join(';', options.Usings)}",
            $"specific {string.Join(';', options.SpecificDiagnosticOptions.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key}={entry.Value}"))}",
            .. project.MetadataReferences.OfType<PortableExecutableReference>().Select(reference => $"reference {reference.FilePath}").Order(StringComparer.Ordinal),
            .. project.AnalyzerReferences.Select(reference => $"analyzer {Path.GetFullPath(reference.FullPath!)}").Order(StringComparer.Ordinal),
            .. project.ProjectReferences.Select(reference => $"project {reference.ProjectId}"),
            .. project.AdditionalDocuments.Select(document => $"additional {document.FilePath}"),
        ];
        return string.Join('\n', lines);
    }

    private static async Task<IReadOnlyList<string>> TextsAsync(IEnumerable<TextDocument> documents)
    {
        var texts = new List<string>();
        foreach (var document in documents)
        {
            texts.Add($"{document.FilePath}\n{(await document.GetTextAsync()).ToString().ReplaceLineEndings("\n")}");
        }

        return [.. texts.Order(StringComparer.Ordinal)];
    }

    private static async Task<IReadOnlyList<string>> DiagnosticsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return
        [
            .. compilation.GetDiagnostics()
                .Select(diagnostic => $"{diagnostic.Id} {diagnostic.Severity} {diagnostic.IsSuppressed} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .Order(StringComparer.Ordinal),
        ];
    }
}
