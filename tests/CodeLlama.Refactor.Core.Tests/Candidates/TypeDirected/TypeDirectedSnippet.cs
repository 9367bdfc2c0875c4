using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Candidates.TypeDirected;
using CodeLlama.Refactor.Testing;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Core.Tests.Candidates.TypeDirected;

/// <summary>A snippet with one compile error, the type-directed candidates for it, and what each compiles to.</summary>
internal sealed record TypeDirectedSnippet(Document Document, Diagnostic Error, IReadOnlyList<Candidate> Candidates)
{
    public static async Task<TypeDirectedSnippet> RepairAsync(string code, string errorId)
    {
        var document = InMemoryProject.Create(code).Documents.Single();
        var errors = await ErrorsAsync(document.Project.Solution);
        var error = errors.FirstOrDefault(diagnostic => diagnostic.Id == errorId)
            ?? throw new InvalidOperationException($"No {errorId} in the snippet: {string.Join(", ", errors.Select(diagnostic => diagnostic.Id))}");
        var candidates = await new TypeDirectedSource().GetCandidatesAsync(document, error, CancellationToken.None);
        return new TypeDirectedSnippet(document, error, candidates);
    }

    public IEnumerable<string> Titles => Candidates.Select(candidate => candidate.Title);

    public Candidate Titled(string title) =>
        Candidates.SingleOrDefault(candidate => candidate.Title == title)
        ?? throw new InvalidOperationException($"No candidate '{title}' among: {string.Join(" | ", Titles)}");

    /// <summary>The file after <paramref name="candidate"/>, asserting that it compiles without errors.</summary>
    public async Task<string> CompiledTextAsync(Candidate candidate)
    {
        var errors = await ErrorsAsync(candidate.Solution);
        Assert.True(errors.Count == 0, $"{candidate.Title}: {string.Join(", ", errors.Select(error => error.ToString()))}");
        return (await candidate.Solution.GetDocument(Document.Id)!.GetTextAsync()).ToString();
    }

    public async Task<IReadOnlyList<Diagnostic>> ErrorsAfterAsync(Candidate candidate) => await ErrorsAsync(candidate.Solution);

    private static async Task<IReadOnlyList<Diagnostic>> ErrorsAsync(Solution solution)
    {
        var compilation = await solution.Projects.Single().GetCompilationAsync();
        return compilation!.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
    }
}
