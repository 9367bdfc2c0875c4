using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Candidates.Refactoring;
using CodeLlama.Refactor.Testing;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Core.Tests.Candidates.Refactoring;

/// <summary>An in-memory project of several files, its errors grouped by root cause, and the refactoring candidates for one.</summary>
internal sealed record RefactoringSnippet(Project Project)
{
    public static RefactoringSnippet Of(params (string FileName, string Text)[] files) => new(InMemoryProject.Create(files));

    public async Task<IReadOnlyList<IReadOnlyList<GroupedError>>> GroupsAsync() =>
        ErrorGroups.Group(await ErrorGroups.FindAsync(Project.Solution, CancellationToken.None));

    /// <summary>The candidates for the first error of <paramref name="errorId"/> (of any id when null), with the change read from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<Candidate>> CandidatesAsync(string? errorId, string? before = null, string? after = null)
    {
        var compilation = await Project.GetCompilationAsync();
        var error = compilation!.GetDiagnostics().First(diagnostic => errorId is null ? diagnostic.Severity == DiagnosticSeverity.Error : diagnostic.Id == errorId);
        var evidence = before is null ? ChangeEvidence.None : new ChangeEvidence(ChangeReader.Read(before, after!));
        var source = new RefactoringSource(_ => Task.FromResult(evidence));
        return await source.GetCandidatesAsync(Project.GetDocument(error.Location.SourceTree)!, error, CancellationToken.None);
    }

    /// <summary>The text of <paramref name="fileName"/> after <paramref name="candidate"/>, asserting that the project then compiles.</summary>
    public static async Task<string> CompiledTextAsync(Candidate candidate, string fileName)
    {
        var project = candidate.Solution.Projects.Single();
        var errors = (await project.GetCompilationAsync())!.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{candidate.Title}: {string.Join(", ", errors)}");
        return (await project.Documents.Single(document => document.Name == fileName).GetTextAsync()).ToString();
    }
}
