using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Verification.Compile;

/// <summary>
/// Which projects a candidate that changes declarations is compiled in: its own, and the projects that depend on it
/// only when what they see of it (its reference assembly) changes.
/// </summary>
public sealed class CompileScopeTests
{
    private const string Broken = "public static class Calculator\n{\n    public static int Add(int a, int b) => a + offset;\n}\n";

    private const string Caller = "public static class Caller\n{\n    public static int Five() => Calculator.Add(2, 3);\n}\n";

    [Fact]
    public async Task APrivateMemberAdded_IsCompiledInItsProjectOnly()
    {
        var (library, app) = TwoProjects();

        var verdict = await VerifyAsync(library, Broken.Replace("{\n    public", "{\n    private const int offset = 0;\n\n    public", StringComparison.Ordinal));

        Assert.True(verdict.Accepted, string.Join(", ", verdict.Added));
        Assert.Equal([library.Id], verdict.Compiled);
        Assert.DoesNotContain(app.Id, verdict.Compiled);
    }

    [Fact]
    public async Task ASignatureChanged_IsCompiledInTheDependents_AndWhatBreaksThereRefusesIt()
    {
        var (library, app) = TwoProjects();

        var verdict = await VerifyAsync(library, Broken.Replace("int b)", "int b, int offset)", StringComparison.Ordinal));

        Assert.Equal(Verdict.AddsDiagnostics, verdict.Outcome);
        Assert.Contains(app.Id, verdict.Compiled);
        Assert.Contains(verdict.Added, added => added.EndsWith("in App", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeclarationEditThatAddsADiagnosticInItsOwnFile_IsRefusedThere_WithoutCompilingAnyProject()
    {
        var (library, app) = TwoProjects();

        // A public field changes the surface (the application would be compiled), but its initializer divides by a
        // constant zero (CS0020), which the edited file reports before any project is compiled whole.
        var verdict = await VerifyAsync(library, Broken.Replace("{\n    public", "{\n    private const int offset = 0;\n    public static int Ratio = 1 / 0;\n\n    public", StringComparison.Ordinal));

        Assert.Equal(Verdict.AddsDiagnostics, verdict.Outcome);
        Assert.Equal([library.Id], verdict.Compiled);
        Assert.DoesNotContain(app.Id, verdict.Compiled);
    }

    [Theory]
    [InlineData("    public static int Twice(int a) => a * 2;\n", "    public static int Twice(int a) => a * 3;\n", Verdict.TargetRemains)]
    [InlineData("    public static int Twice(int a) => a * 2;\n", "    public static int Twice(int a) { int unused = 0; return a * 2; }\n", Verdict.TargetRemains)]
    [InlineData("", "", Verdict.AddsDiagnostics)]
    public async Task ABodyEdit_IsJudgedByTheMemberItChanges(string member, string edited, Verdict expected)
    {
        // The target sits in Add; an edit of another member's body leaves it, and one in Add that swaps the missing name
        // for an unused local's warning (CS0219 beside the repaired expression) adds a diagnostic.
        var broken = Broken.Replace("}\n", member + "}\n", StringComparison.Ordinal);
        var (library, _) = TwoProjects(broken);
        var after = member.Length > 0
            ? broken.Replace(member, edited, StringComparison.Ordinal)
            : broken.Replace("=> a + offset;", "{ int offset = 0; int spare = 1; return a + offset; }", StringComparison.Ordinal);

        var verdict = await VerifyAsync(library, after);

        Assert.Equal(expected, verdict.Outcome);
        Assert.Equal([library.Id], verdict.Compiled);
    }

    [Fact]
    public async Task ABodyEditThatCapturesAPrimaryConstructorParameter_IsRefusedForWhatTheInitializerThenReports()
    {
        // Repairing the name captures the parameter that also initializes a field: CS9124, reported at the initializer.
        const string primary = "public class Calculator(int offset)\n{\n    private readonly int start = offset;\n\n    public int Add(int a, int b) => a + ofset;\n\n    public int Start() => start;\n}\n";
        var (library, _) = TwoProjects(primary);

        var verdict = await VerifyAsync(library, primary.Replace("a + ofset", "a + offset", StringComparison.Ordinal));

        Assert.Equal(Verdict.AddsDiagnostics, verdict.Outcome);
        Assert.Contains(verdict.Added, added => added.StartsWith("CS9124", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABodyEditThatAddsADirective_IsJudgedInTheWholeFile()
    {
        // The file turns nullable warnings off; #nullable enable inside Add holds for the members after it too, so
        // Length then reports CS8600 and CS8602.
        const string body = "#nullable disable\npublic static class Calculator\n{\n    private const int offset = 1;\n\n    public static int Add(int a, int b)\n    {\n        return a + ofset;\n    }\n\n"
            + "    public static int Length()\n    {\n        string text = null;\n        return text.Length;\n    }\n}\n";
        var (library, _) = TwoProjects(body);

        var verdict = await VerifyAsync(library, body.Replace("        return a + ofset;", "#nullable enable\n        return a + offset;", StringComparison.Ordinal));

        Assert.Equal(Verdict.AddsDiagnostics, verdict.Outcome);
        Assert.Contains(verdict.Added, added => added.StartsWith("CS8600", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEditThatGivesAStructAField_IsCompiledInTheDependents()
    {
        // Every declaration reads the same, but the accessors start using `field`: the struct gains a string backing
        // field and is no longer unmanaged, which the application requires of it (CS8377).
        const string cell = "public struct Cell\n{\n    public string Name { get => \"\"; set => _ = value; }\n}\n\n";
        var (library, app) = TwoProjects(cell + Broken);
        var solution = app.AddDocument("Needs.cs", "public static class Needs\n{\n    public static void Unmanaged<T>() where T : unmanaged { }\n\n    public static void Use() => Unmanaged<Cell>();\n}\n").Project.Solution;
        foreach (var id in solution.ProjectIds)
        {
            solution = solution.WithProjectParseOptions(id, new CSharpParseOptions(LanguageVersion.Preview));
        }

        var verdict = await VerifyAsync(solution.GetProject(library.Id)!, (cell + Broken)
            .Replace("get => \"\"; set => _ = value;", "get => field ?? \"\"; set => field = value;", StringComparison.Ordinal)
            .Replace("a + offset", "a + b", StringComparison.Ordinal));

        Assert.Equal(Verdict.AddsDiagnostics, verdict.Outcome);
        Assert.Contains(app.Id, verdict.Compiled);
        Assert.Contains(verdict.Added, added => added == "CS8377 in App");
    }

    // A library with the error and an application that calls it; deterministic, as SDK projects are.
    private static (Project Library, Project App) TwoProjects(string calculator = Broken)
    {
        var library = InMemoryProject.Create(("Calculator.cs", calculator));
        library = library.WithCompilationOptions(library.CompilationOptions!.WithDeterministic(true));
        var appId = ProjectId.CreateNewId();
        var solution = library.Solution
            .AddProject(ProjectInfo.Create(
                appId, VersionStamp.Default, "App", "App", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true),
                metadataReferences: library.MetadataReferences,
                projectReferences: [new ProjectReference(library.Id)]))
            .AddDocument(DocumentId.CreateNewId(appId), "Caller.cs", Caller);
        return (solution.GetProject(library.Id)!, solution.GetProject(appId)!);
    }

    private static async Task<CompileVerdict> VerifyAsync(Project library, string after)
    {
        var document = library.Documents.Single();
        var diagnostic = (await document.GetSemanticModelAsync())!.GetDiagnostics().First(diagnostic => diagnostic.Id == "CS0103");
        var candidate = new Candidate("test", "edit", document.WithText(SourceText.From(after)).Project.Solution, 0);
        return await new CompileVerifier(library.Solution, new HashSet<ProjectId>())
            .VerifyAsync(candidate, new BuildError(library, diagnostic, IsSyntax: false), CancellationToken.None);
    }
}
