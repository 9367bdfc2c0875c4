using CodeLlama.Refactor.Workspaces;
using CodeLlama.Refactor.Workspaces.Fast;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Core.Tests.Workspaces;

/// <summary>
/// The targeting pack's generators, which check leaves out of a project that never names their attributes, against
/// the same project compiled with them: the real generators of the installed SDK, on a project as the SDK compiles it.
/// </summary>
public sealed class IdleSdkGeneratorsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("idle-generators-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_project_that_names_none_of_their_attributes_compiles_to_the_same_without_them()
    {
        var solution = await LoadAsync("""
            using System.Runtime.InteropServices;
            using System.Text.Json;
            using System.Text.RegularExpressions;

            namespace Lib;

            /// <summary>Uses regular expressions, JSON and P/Invoke the old way.</summary>
            public static class Plain
            {
                /// <summary>Words.</summary>
                /// <returns>A regular expression.</returns>
                public static Regex Words() => new("[a-z]+");

                /// <summary>Text.</summary>
                /// <returns>JSON.</returns>
                public static string Json() => JsonSerializer.Serialize(1);

                [DllImport("libc")]
                private static extern int getpid();

                public static int Broken() => "not a number";
            }
            """);

        var idle = IdleSdkGenerators.WithoutIdle(solution);

        var before = solution.Projects.Single();
        var after = idle.Projects.Single();
        Assert.Equal(6, before.AnalyzerReferences.Count(IdleSdkGenerators.IsSdkGenerator));
        Assert.DoesNotContain(after.AnalyzerReferences, IdleSdkGenerators.IsSdkGenerator);
        // The SDK's analyzers (NetAnalyzers) are no generators of the targeting pack, and stay.
        Assert.Equal(before.AnalyzerReferences.Where(reference => !IdleSdkGenerators.IsSdkGenerator(reference)), after.AnalyzerReferences);
        Assert.Empty(await before.GetSourceGeneratedDocumentsAsync());
        var diagnostics = await DiagnosticsAsync(before);
        Assert.Contains(diagnostics, diagnostic => diagnostic.StartsWith("CS0029", StringComparison.Ordinal));
        Assert.Contains(diagnostics, diagnostic => diagnostic.StartsWith("CS1591", StringComparison.Ordinal));
        Assert.Equal(diagnostics, await DiagnosticsAsync(after));
    }

    [Theory]
    [InlineData("[GeneratedRegex(\"[a-z]+\")] public static partial Regex Words();")]
    [InlineData("[System.Text.RegularExpressions.GeneratedRegexAttribute(\"[a-z]+\")] public static partial Regex Words();")]
    public async Task A_project_that_applies_one_keeps_them_and_compiles_with_their_code(string member)
    {
        var solution = await LoadAsync($$"""
            using System.Text.RegularExpressions;

            namespace Lib;

            /// <summary>Uses a generated regular expression.</summary>
            public static partial class Generated
            {
                /// <summary>Words.</summary>
                /// <returns>A regular expression.</returns>
                {{member}}
            }
            """);

        var kept = IdleSdkGenerators.WithoutIdle(solution).Projects.Single();

        Assert.Equal(6, kept.AnalyzerReferences.Count(IdleSdkGenerators.IsSdkGenerator));
        Assert.NotEmpty(await kept.GetSourceGeneratedDocumentsAsync());
        Assert.DoesNotContain(await DiagnosticsAsync(kept), diagnostic => diagnostic.StartsWith("CS8795", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edit_that_starts_using_one_gets_them_back_in_the_loaded_order_and_compiles_as_the_build_would()
    {
        var loaded = await LoadAsync("""
            using System.Text.RegularExpressions;

            namespace Lib;

            /// <summary>Words.</summary>
            public static partial class Words
            {
                /// <summary>Words.</summary>
                /// <returns>A regular expression.</returns>
                public static Regex Pattern() => new("[a-z]+");
            }
            """);
        var idle = IdleSdkGenerators.WithoutIdle(loaded);
        var document = idle.Projects.Single().Documents.Single(document => document.Name == "Lib.cs");
        var text = (await document.GetTextAsync()).ToString();

        // An edit that names none of their attributes: the same solution, still without them.
        var untouched = idle.WithDocumentText(document.Id, Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace("[a-z]+", "[a-z]*", StringComparison.Ordinal)));
        Assert.Same(untouched, IdleSdkGenerators.WithUsedOnesBack(untouched, loaded));

        // An edit that applies one: without the generator the partial method has no body (CS8795); with it, it has.
        var edited = idle.WithDocumentText(document.Id, Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace(
            "public static Regex Pattern() => new(\"[a-z]+\");", "[GeneratedRegex(\"[a-z]+\")] public static partial Regex Pattern();", StringComparison.Ordinal)));
        Assert.Contains(await DiagnosticsAsync(edited.Projects.Single()), diagnostic => diagnostic.StartsWith("CS8795", StringComparison.Ordinal));
        var back = IdleSdkGenerators.WithUsedOnesBack(edited, loaded).Projects.Single();

        Assert.Equal(loaded.Projects.Single().AnalyzerReferences, back.AnalyzerReferences);
        Assert.DoesNotContain(await DiagnosticsAsync(back), diagnostic => diagnostic.StartsWith("CS8795", StringComparison.Ordinal));
    }

    // A one-file library with the command line the SDK gives it, its texts read as loading reads them.
    private async Task<Solution> LoadAsync(string source)
    {
        MSBuildRegistration.EnsureRegistered();
        var sdk = SdkLayout.TryRead(MSBuildRegistration.SdkDirectory!)!;
        var projectFile = Path.Combine(folder, "Lib.csproj");
        File.WriteAllText(Path.Combine(folder, "Lib.cs"), source);
        var project = new SimpleSdkProject(projectFile, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["TargetFramework"] = sdk.TargetFramework,
            ["Nullable"] = "enable",
            ["GenerateDocumentationFile"] = "true",
        });
        var workspace = new AdhocWorkspace(CompilerHost.Services);
        var solution = workspace.AddProject(FastProjectLoader.ProjectInfo(project, sdk, workspace)).Solution;
        await WorkspaceLoader.SnapshotTextsAsync(solution, CancellationToken.None);
        return solution;
    }

    private static async Task<IReadOnlyList<string>> DiagnosticsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return
        [
            .. compilation.GetDiagnostics()
                .Select(diagnostic => $"{diagnostic.Id} {diagnostic.Severity} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .Order(StringComparer.Ordinal),
        ];
    }
}
