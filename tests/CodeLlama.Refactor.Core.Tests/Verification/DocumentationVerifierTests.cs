using CodeLlama.Refactor.Documentation;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Verification;

public sealed class DocumentationVerifierTests
{
    private const string Source = "/// <summary>A widget.</summary>\npublic class Widget\n{\n    public void Run() { }\n}\n";

    [Fact]
    public async Task CommentOnlyEdit_IsProven()
    {
        var (solution, id) = Snippet();

        var reasons = await Verify(solution, id, Source.Replace("    public void Run", "    /// <summary>Runs.</summary>\n    public void Run", StringComparison.Ordinal));

        Assert.Null(reasons[id]);
    }

    [Fact]
    public async Task EditThatChangesCode_IsRejected()
    {
        var (solution, id) = Snippet();

        var reasons = await Verify(solution, id, Source.Replace("Run()", "Walk()", StringComparison.Ordinal));

        Assert.Equal("the edit would change code, not only comments", reasons[id]);
    }

    [Fact]
    public async Task CommentWithABadCref_IsRejected()
    {
        var (solution, id) = Snippet();

        var reasons = await Verify(solution, id, Source.Replace("    public void Run", "    /// <summary>See <see cref=\"NoSuchType\"/>.</summary>\n    public void Run", StringComparison.Ordinal));

        Assert.Equal("the comments would raise CS1574", reasons[id]);
    }

    // Widget's comment already has a bad cref; Stop's comment has another; Run is undocumented.
    private const string WithBadCrefs =
        "/// <summary>A widget; see <see cref=\"Gone\"/>.</summary>\npublic class Widget\n{\n    public void Run() { }\n\n"
        + "    /// <summary>Stops; see <see cref=\"Lost\"/>.</summary>\n    public void Stop() { }\n}\n";

    [Fact]
    public async Task BadCrefMovedFromOneCommentToAnother_IsRejected_ThoughTheCountPerIdIsTheSame()
    {
        var (solution, id) = Snippet(WithBadCrefs);

        var reasons = await Verify(solution, id, WithBadCrefs
            .Replace("A widget; see <see cref=\"Gone\"/>.", "A widget.", StringComparison.Ordinal)
            .Replace("    public void Run", "    /// <summary>Runs; see <see cref=\"Gone\"/>.</summary>\n    public void Run", StringComparison.Ordinal));

        Assert.Equal("the comments would raise CS1574", reasons[id]);
    }

    [Fact]
    public async Task BadCrefTradedForAnotherInTheSameComment_IsRejected()
    {
        var (solution, id) = Snippet(WithBadCrefs);

        var reasons = await Verify(solution, id, WithBadCrefs.Replace("cref=\"Gone\"", "cref=\"Missing\"", StringComparison.Ordinal));

        Assert.Equal("the comments would raise CS1574", reasons[id]);
    }

    [Fact]
    public async Task BadCrefsTheCodeAlreadyHad_AreNotNew_WhereTheEditMovesThemAndWhereItRewritesTheirComment()
    {
        var (solution, id) = Snippet(WithBadCrefs);

        // Run's new comment moves Stop's bad cref further down; Widget's comment is rewritten around its bad cref.
        var reasons = await Verify(solution, id, WithBadCrefs
            .Replace("    public void Run", "    /// <summary>Runs.</summary>\n    public void Run", StringComparison.Ordinal)
            .Replace("A widget; see", "A widget that runs and stops; see", StringComparison.Ordinal));

        Assert.Null(reasons[id]);
    }

    [Fact]
    public async Task FinalCompilation_KeepsTheFilesInTheProjectsOrder_SoThatTheBuildsErrorsAreReportedWhereTheBuildReportsThem()
    {
        // Two declarations of one type: the compiler reports CS0101 at the one in the later file, so doc's count of build
        // errors in this compilation must see the edited first file still first.
        var project = InMemoryProject.Create(("A.cs", "public class Widget { }\n"), ("B.cs", "public class Widget { }\n"), ("C.cs", "public class Other { }\n"));
        var first = project.DocumentIds[0];
        var verifier = new DocumentationVerifier(project.Solution, new Dictionary<DocumentId, SourceText>
        {
            [first] = SourceText.From("/// <summary>A widget.</summary>\npublic class Widget { }\n"),
        });
        await verifier.VerifyAllAsync(CancellationToken.None);

        var (compilation, _) = await verifier.FinalAsync(project.Id, new HashSet<DocumentId>(), CancellationToken.None);

        Assert.Equal(["A.cs", "B.cs", "C.cs"], compilation.SyntaxTrees.Select(tree => Path.GetFileName(tree.FilePath)));
        Assert.StartsWith("/// <summary>A widget.", compilation.SyntaxTrees.First().ToString(), StringComparison.Ordinal);
        var duplicate = Assert.Single(compilation.GetDiagnostics(), diagnostic => diagnostic.Id == "CS0101");
        Assert.Equal("B.cs", Path.GetFileName(duplicate.Location.SourceTree!.FilePath));
    }

    [Fact]
    public async Task CommentWithABadCref_IsRejected_InAProjectWhoseSignaturesDoNotCompile()
    {
        // A declaration error (CS0246 in a signature) must not hide the documentation diagnostics of the edit.
        var source = "/// <summary>A widget.</summary>\npublic class Widget\n{\n    public void Run(Missing value) { }\n}\n";
        var (solution, id) = Snippet(source);

        var reasons = await Verify(solution, id, source.Replace("    public void Run", "    /// <summary>See <see cref=\"NoSuchType\"/>.</summary>\n    public void Run", StringComparison.Ordinal));

        Assert.Equal("the comments would raise CS1574", reasons[id]);
    }

    [Fact]
    public async Task Diagnosed_IsWhatTheEditedCompilationReports_ErrorsOfTheCodeKeptFromTheLoadedOne()
    {
        // The comments are verified without binding method bodies; the body error of an unedited file comes from the
        // project as loaded, the edited file's documentation diagnostics from the documentation pass. Together they are
        // exactly what a full compile of the edited project reports.
        var project = InMemoryProject.Create(
            ("Broken.cs", "/// <summary>A gadget.</summary>\npublic class Gadget\n{\n    /// <summary>Runs.</summary>\n    public int Run() => \"text\";\n}\n"),
            ("Widget.cs", "/// <summary>A widget.</summary>\npublic class Widget\n{\n    public void Spin() { }\n}\n"));
        var id = project.Documents.Single(document => document.Name == "Widget.cs").Id;
        var updated = "/// <summary>A widget.</summary>\npublic class Widget\n{\n    /// <summary>See <see cref=\"Gadget\"/>.</summary>\n    /// <param name=\"none\">Nothing.</param>\n    public void Spin() { }\n}\n";
        var verifier = new DocumentationVerifier(project.Solution, new Dictionary<DocumentId, SourceText> { [id] = SourceText.From(updated) });
        Assert.Equal("the comments would raise CS1572", (await verifier.VerifyAllAsync(CancellationToken.None))[id]);
        var asLoaded = await new SolutionDiagnosis(project.Solution, CancellationToken.None).Of(project.Id);
        var (final, _) = await verifier.FinalAsync(project.Id, new HashSet<DocumentId>(), CancellationToken.None);

        var diagnostics = await verifier.DiagnosedAsync(project.Id, final, Task.FromResult(asLoaded), CancellationToken.None);

        Assert.Contains(diagnostics, diagnostic => diagnostic.Id == "CS0029");
        Assert.Contains(diagnostics, diagnostic => diagnostic.Id == "CS1572");
        Assert.Equal(Sorted(final.GetDiagnostics()), Sorted(diagnostics));
    }

    [Fact]
    public async Task Diagnosed_WhereTheLoadedProjectHasAnErrorInAnEditedFile_IsTheFullDiagnosisOfTheEditedText()
    {
        // The loaded project's error would sit at its old place in the edited file: the edited compilation is diagnosed
        // in full, so the error is placed in the text doc leaves.
        var source = "/// <summary>A widget.</summary>\npublic class Widget\n{\n    public int Run() => \"text\";\n}\n";
        var (solution, id) = Snippet(source);
        var updated = source.Replace("    public int Run", "    /// <summary>Runs.</summary>\n    public int Run", StringComparison.Ordinal);
        var verifier = new DocumentationVerifier(solution, new Dictionary<DocumentId, SourceText> { [id] = SourceText.From(updated) });
        Assert.Null((await verifier.VerifyAllAsync(CancellationToken.None))[id]);
        var asLoaded = await new SolutionDiagnosis(solution, CancellationToken.None).Of(id.ProjectId);
        var (final, _) = await verifier.FinalAsync(id.ProjectId, new HashSet<DocumentId>(), CancellationToken.None);

        var diagnostics = await verifier.DiagnosedAsync(id.ProjectId, final, Task.FromResult(asLoaded), CancellationToken.None);

        var error = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "CS0029");
        Assert.Equal(updated.IndexOf("\"text\"", StringComparison.Ordinal), error.Location.SourceSpan.Start);
        Assert.Same(final.SyntaxTrees.Single(), error.Location.SourceTree);
    }

    [Fact]
    public async Task EditThatAddsADirective_IsRejected()
    {
        // A directive is trivia, as a comment is, but it changes what the code means.
        var (solution, id) = Snippet();

        var reasons = await Verify(solution, id, Source.Replace("    public void Run", "    /// <summary>Runs.</summary>\n#pragma warning disable CS0168\n    public void Run", StringComparison.Ordinal));

        Assert.Equal("the edit would change code, not only comments", reasons[id]);
    }

    [Fact]
    public async Task DocumentationPass_ReportsTheComments_WithoutTheBodies_AndNothingWhereADeclarationDoesNotCompile()
    {
        var bodyError = InMemoryProject.Create("/// <summary>A widget.</summary>\npublic class Widget\n{\n    /// <summary>See <see cref=\"Nothing\"/>.</summary>\n    public int Run() => \"text\";\n}\n");
        var declarationError = InMemoryProject.Create("/// <summary>A widget.</summary>\npublic class Widget\n{\n    /// <summary>Runs.</summary>\n    public void Run(Missing value) { }\n}\n");

        var comments = DocumentationPass.Run((await bodyError.GetCompilationAsync())!, CancellationToken.None);
        var none = DocumentationPass.Run((await declarationError.GetCompilationAsync())!, CancellationToken.None);

        Assert.Equal(["CS1574"], comments!.Value.Select(diagnostic => diagnostic.Id));
        Assert.Null(none);
    }

    private static IEnumerable<string> Sorted(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).Select(diagnostic => diagnostic.ToString()).Order(StringComparer.Ordinal);

    [Fact]
    [Trait("Category", "EndToEnd")]
    public async Task TextSourceThatBreaksTheXml_IsRejected_AndNothingIsWritten()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var circle = sample.File("src/Geometry/Circle.cs");
        var before = File.ReadAllText(circle);

        var result = await DocPipeline.RunAsync(SolutionPath.Resolve(sample.Directory), new DocOptions(TextSource: new BadCrefText()));

        Assert.Equal(before, File.ReadAllText(circle));
        Assert.All(result.Files, file => Assert.Equal(FileStatus.Rejected, file.Status));
        Assert.Empty(result.Members);
        Assert.Equal(result.Before, result.After);
        Assert.False(result.IsClean);
    }

    private static Task<IReadOnlyDictionary<DocumentId, string?>> Verify(Solution solution, DocumentId id, string updated) =>
        new DocumentationVerifier(solution, new Dictionary<DocumentId, SourceText> { [id] = SourceText.From(updated) })
            .VerifyAllAsync(CancellationToken.None);

    private static (Solution Solution, DocumentId Id) Snippet(string source = Source)
    {
        var project = InMemoryProject.Create(source);
        return (project.Solution, project.DocumentIds.Single());
    }

    private sealed class BadCrefText : IDocTextSource
    {

        public string Name => "bad";

        public ValueTask<IReadOnlyList<XmlNodeSyntax>> GetContentAsync(DocGap gap, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<XmlNodeSyntax>>([XmlDoc.Text("See "), XmlDoc.SeeCref("NoSuchType"), XmlDoc.Text(".")]);
    }
}
