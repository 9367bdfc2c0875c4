using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>
/// Repairs the fallout of a refactoring as one edit per root cause (<see cref="ErrorGroups"/>): a rename left half done,
/// calls of a re-signed method, implementers and overrides of a re-signed interface or base member, the uses of a
/// method whose return type changed (<see cref="ReturnTypeRepair"/>). Each candidate
/// either completes the change or reverts the declaration's part of it, and repairs every error of its group; the
/// change under review (<see cref="ChangeEvidence"/>) says what the declarations were and became.
/// </summary>
/// <param name="evidence">Reads the change under review, once.</param>
/// <param name="buildErrors">The build errors the run found for a solution; null to compile every project for them.</param>
internal sealed class RefactoringSource(
    Func<CancellationToken, Task<ChangeEvidence>> evidence, Func<Solution, CancellationToken, Task<IReadOnlyList<BuildError>>>? buildErrors = null) : ICandidateSource
{
    /// <summary>The source of its candidates that take no guess.</summary>
    public const string SourceName = "refactoring";

    /// <summary>The source of its candidates that guess an argument: the tests choose among them.</summary>
    public const string GuessSourceName = "refactoring:guess";

    /// <summary>It only renames and re-signs what the solution declares, with its own types and values.</summary>
    public CandidateTrust Trust => CandidateTrust.Trusted;

    public async Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var grouped = await GroupCandidatesAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
        // Errors about a call whose return type the change altered have no cause the compiler names (a CS1503 names
        // the call the value is passed to): the change does.
        return grouped.Count > 0 ? grouped
            : await ReturnTypeRepair.CandidatesAsync(document, diagnostic, await evidence(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Candidate>> GroupCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!RootCauses.IsGroupable(diagnostic.Id) || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model
            || RootCauses.Of(diagnostic, model, cancellationToken) is not { } cause)
        {
            return [];
        }

        var solution = document.Project.Solution;
        var group = await ErrorGroups.OfAsync(solution, cause, buildErrors, cancellationToken).ConfigureAwait(false);
        if (group.Count == 0)
        {
            return [];
        }

        var change = await evidence(cancellationToken).ConfigureAwait(false);
        var candidates = cause.Kind switch
        {
            RootCauseKind.MissingMember => await RenameRepair.CandidatesAsync(solution, group, change, cancellationToken).ConfigureAwait(false),
            RootCauseKind.ChangedMember => await CallSiteRepair.CandidatesAsync(solution, group, change, cancellationToken).ConfigureAwait(false),
            _ => await SignatureSync.CandidatesAsync(solution, group, change, cancellationToken).ConfigureAwait(false),
        };
        var errorGroup = new ErrorGroup(cause.Describe(), [.. group.Select(error => DiagnosticKey.From(error.Diagnostic))]);
        return [.. candidates.Select(candidate => candidate with { Group = errorGroup })];
    }
}
