using CodeLlama.Refactor.Pipelines;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// What lets the check of the written files take the repaired solution's errors: the files read back must make the very
/// compilation the repair ended with. Anything else a compilation reads, changed, means compiling again.
/// </summary>
public sealed class SameCompilationInputsTests : IDisposable
{
    private const string Code = "namespace Lib;\n\npublic static class Calculator\n{\n    public static int Add(int a, int b) => a + b;\n}\n";

    private readonly AdhocWorkspace workspace = new();
    private readonly Solution repaired;
    private readonly DocumentId document;

    public SameCompilationInputsTests()
    {
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Lib", "Lib", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest)));
        var added = workspace.AddDocument(DocumentInfo.Create(
            DocumentId.CreateNewId(project.Id), "Calculator.cs", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(Code), VersionStamp.Default)), filePath: "/src/Calculator.cs"));
        document = added.Id;
        repaired = added.Project.Solution;
    }

    [Fact]
    public async Task TheSameText_ReadAgain_IsTheSameCompilation()
    {
        var readBack = repaired.WithDocumentText(document, SourceText.From(Code), PreservationMode.PreserveIdentity);

        Assert.True(await SameCompilationInputs.AreAsync(readBack, repaired, CancellationToken.None));
    }

    [Fact]
    public async Task AnotherText_IsAnotherCompilation()
    {
        var readBack = repaired.WithDocumentText(document, SourceText.From(Code.Replace("a + b", "a - b", StringComparison.Ordinal)), PreservationMode.PreserveIdentity);

        Assert.False(await SameCompilationInputs.AreAsync(readBack, repaired, CancellationToken.None));
    }

    [Fact]
    public async Task ADocumentAdded_IsAnotherCompilation_EvenWithEveryOtherTextEqual()
    {
        var withNewFile = repaired.AddDocument(DocumentId.CreateNewId(document.ProjectId), "Generated.cs", SourceText.From("class Generated { }"), filePath: "/src/Generated.cs");

        Assert.False(await SameCompilationInputs.AreAsync(repaired, withNewFile, CancellationToken.None));
    }

    [Fact]
    public async Task OtherOptions_AreAnotherCompilation()
    {
        var project = repaired.GetProject(document.ProjectId)!;
        var otherParse = repaired.WithProjectParseOptions(project.Id, ((CSharpParseOptions)project.ParseOptions!).WithPreprocessorSymbols("DEBUG"));
        var otherCompilation = repaired.WithProjectCompilationOptions(project.Id, project.CompilationOptions!.WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        var otherReference = repaired.AddMetadataReference(project.Id, MetadataReference.CreateFromFile(typeof(object).Assembly.Location));

        Assert.False(await SameCompilationInputs.AreAsync(repaired, otherParse, CancellationToken.None));
        Assert.False(await SameCompilationInputs.AreAsync(repaired, otherCompilation, CancellationToken.None));
        Assert.False(await SameCompilationInputs.AreAsync(repaired, otherReference, CancellationToken.None));
    }

    public void Dispose() => workspace.Dispose();
}
