using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Testing;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Core.Tests.Candidates;

/// <summary>
/// Files compiled in memory with one diagnostic to repair, the candidates one source offers for it, and what each
/// compiles to. Nullable warnings count as errors here, as in a project that treats warnings as errors.
/// </summary>
internal sealed record CandidateSnippet(Project Project, Diagnostic Error, IReadOnlyList<Candidate> Candidates)
{
    public static async Task<CandidateSnippet> RepairAsync(ICandidateSource source, string errorId, params (string FileName, string Text)[] files)
    {
        var project = InMemoryProject.Create(files);
        var errors = await ErrorsAsync(project.Solution);
        var error = errors.FirstOrDefault(diagnostic => diagnostic.Id == errorId)
            ?? throw new InvalidOperationException($"No {errorId} in the snippet: {string.Join(", ", errors.Select(diagnostic => diagnostic.Id))}");
        var document = project.GetDocument(error.Location.SourceTree)!;
        return new CandidateSnippet(project, error, await source.GetCandidatesAsync(document, error, CancellationToken.None));
    }

    public static Task<CandidateSnippet> RepairAsync(ICandidateSource source, string errorId, string code) =>
        RepairAsync(source, errorId, ("Snippet.cs", code));

    public IEnumerable<string> Titles => Candidates.Select(candidate => candidate.Title);

    public Candidate Titled(string title) =>
        Candidates.SingleOrDefault(candidate => candidate.Title == title)
        ?? throw new InvalidOperationException($"No candidate '{title}' among: {string.Join(" | ", Titles)}");

    /// <summary>The text of <paramref name="fileName"/> after <paramref name="candidate"/>, asserting that the whole project compiles clean.</summary>
    public async Task<string> CompiledTextAsync(Candidate candidate, string fileName = "Snippet.cs")
    {
        var errors = await ErrorsAsync(candidate.Solution);
        Assert.True(errors.Count == 0, $"{candidate.Title}: {string.Join(", ", errors.Select(error => error.ToString()))}");
        var document = candidate.Solution.GetProject(Project.Id)!.Documents.Single(document => document.Name == fileName);
        return (await document.GetTextAsync()).ToString().ReplaceLineEndings("\n");
    }

    private static async Task<IReadOnlyList<Diagnostic>> ErrorsAsync(Solution solution)
    {
        var compilation = await solution.Projects.Single().GetCompilationAsync();
        return compilation!.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error || diagnostic.Id.StartsWith("CS86", StringComparison.Ordinal)
                || diagnostic.Id.StartsWith("CS87", StringComparison.Ordinal))
            .ToList();
    }
}
