using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// A repair compiles again only the projects it can have changed: a project it left alone keeps its errors as long as
/// the projects it references declare what they declared. Which projects were compiled is seen through the seam.
/// </summary>
public sealed class SolutionErrorsTests : IDisposable
{
    private const string Library = """
        namespace Lib;

        public static class Calculator
        {
            public const int Base = 10;

            public static int Add(int a, int b) => a + b;
        }
        """;

    // One error of its own, so that what is carried over can be compared with what a compile finds.
    private const string Consumer = """
        namespace App;

        public static class Use
        {
            public static int Sum() => Lib.Calculator.Add(1, 2) + Lib.Calculator.Base;

            public static int Broken() => missing;
        }
        """;

    private readonly AdhocWorkspace workspace = new();
    private readonly Solution loaded;
    private readonly DocumentId calculator;
    private readonly ProjectId app;
    private readonly List<string> compiled = [];

    public SolutionErrorsTests()
    {
        var references = new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) };
        var lib = ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "Lib", "Lib", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary), metadataReferences: references);
        app = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(lib)
            .AddProject(ProjectInfo.Create(app, VersionStamp.Default, "App", "App", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary), metadataReferences: references,
                projectReferences: [new ProjectReference(lib.Id)]));
        calculator = DocumentId.CreateNewId(lib.Id);
        loaded = solution
            .AddDocument(calculator, "Calculator.cs", SourceText.From(Library), filePath: "/src/Lib/Calculator.cs")
            .AddDocument(DocumentId.CreateNewId(app), "Use.cs", SourceText.From(Consumer), filePath: "/src/App/Use.cs");
    }

    [Fact]
    public async Task ABodyEdit_CompilesOnlyTheEditedProject_AndTheOtherKeepsItsErrors()
    {
        var errors = Errors();
        var before = await errors.FindAsync(loaded, CancellationToken.None);
        compiled.Clear();

        var edited = loaded.WithDocumentText(calculator, SourceText.From(Library.Replace("a + b", "b + a", StringComparison.Ordinal)));
        var after = await errors.FindAsync(edited, CancellationToken.None);

        Assert.Equal(["Lib"], compiled);
        Assert.Equal(Describe(before), Describe(after));
        Assert.All(after, error => Assert.Same(edited.GetProject(error.Project.Id), error.Project));
        Assert.Equal(Describe(await FullAsync(edited)), Describe(after));
    }

    [Theory]
    [InlineData("public static int Add(int a, int b)", "public static int Plus(int a, int b)")]
    [InlineData("public const int Base = 10;", "public const int Base = 11;")]
    [InlineData("public static int Add(int a, int b)", "[System.Obsolete(\"use +\", true)] public static int Add(int a, int b)")]
    public async Task ADeclarationEdit_CompilesTheProjectsThatReferenceIt(string find, string replace)
    {
        var errors = Errors();
        await errors.FindAsync(loaded, CancellationToken.None);
        compiled.Clear();

        var edited = loaded.WithDocumentText(calculator, SourceText.From(Library.Replace(find, replace, StringComparison.Ordinal)));
        var after = await errors.FindAsync(edited, CancellationToken.None);

        Assert.Equal(["App", "Lib"], compiled.Order(StringComparer.Ordinal));
        Assert.Equal(Describe(await FullAsync(edited)), Describe(after));
    }

    // A body that starts using `field` gives the struct a backing field of a managed type: a project that needs the
    // struct unmanaged no longer compiles, though every declaration reads the same.
    [Fact]
    public async Task ABodyThatGivesAStructAField_CompilesTheProjectsThatReferenceIt()
    {
        const string Cell = "namespace Lib;\n\npublic struct Cell\n{\n    public string Name { get => \"\"; set => _ = value; }\n}\n";
        const string Needs = "namespace App;\n\npublic static class Needs\n{\n    public static void Unmanaged<T>() where T : unmanaged { }\n\n    public static void Use() => Unmanaged<Lib.Cell>();\n}\n";
        var cell = DocumentId.CreateNewId(calculator.ProjectId);
        var solution = loaded.AddDocument(cell, "Cell.cs", SourceText.From(Cell), filePath: "/src/Lib/Cell.cs")
            .AddDocument(DocumentId.CreateNewId(app), "Needs.cs", SourceText.From(Needs), filePath: "/src/App/Needs.cs");
        foreach (var id in solution.ProjectIds)
        {
            solution = solution.WithProjectParseOptions(id, new CSharpParseOptions(LanguageVersion.Preview));
        }

        var errors = Errors();
        var before = await errors.FindAsync(solution, CancellationToken.None);
        compiled.Clear();

        var edited = solution.WithDocumentText(cell, SourceText.From(Cell.Replace("get => \"\"; set => _ = value;", "get => field ?? \"\"; set => field = value;", StringComparison.Ordinal)));
        var after = await errors.FindAsync(edited, CancellationToken.None);

        Assert.Equal(["App", "Lib"], compiled.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(before, error => error.Diagnostic.Id == "CS8377");
        Assert.Contains(after, error => error.Project.Name == "App" && error.Diagnostic.Id == "CS8377");
        Assert.Equal(Describe(await FullAsync(edited)), Describe(after));
    }

    [Fact]
    public async Task AnEditOfTheProjectItself_CompilesIt()
    {
        var errors = Errors();
        await errors.FindAsync(loaded, CancellationToken.None);
        compiled.Clear();

        var use = loaded.GetProject(app)!.Documents.Single();
        var edited = loaded.WithDocumentText(use.Id, SourceText.From(Consumer.Replace("=> missing;", "=> 0;", StringComparison.Ordinal)));
        var after = await errors.FindAsync(edited, CancellationToken.None);

        Assert.Equal(["App"], compiled);
        Assert.Empty(after);
    }

    public void Dispose() => workspace.Dispose();

    private SolutionErrors Errors() => new((project, token) =>
    {
        lock (compiled)
        {
            compiled.Add(project.Name);
        }

        return BuildErrors.OfProjectAsync(project, documentationBuilt: false, token);
    });

    private static Task<IReadOnlyList<BuildError>> FullAsync(Solution solution) =>
        BuildErrors.FindAsync(solution, new HashSet<ProjectId>(), cancellationToken: CancellationToken.None);

    private static List<string> Describe(IEnumerable<BuildError> errors) =>
        [.. errors.Select(error => $"{error.Project.Name} {error.Diagnostic.Id} {error.Diagnostic.Location.GetLineSpan()}")];
}
