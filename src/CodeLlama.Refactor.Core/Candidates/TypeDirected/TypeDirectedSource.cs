using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>
/// Repairs the semantic errors the IDE has no code fix for, from the types in scope: the missing argument from an
/// in-scope value of its type, arguments reordered so that they type-check, the declared type the expression has, the
/// return of an in-scope value, the initialised local, a member or value of a fitting type with a related name, a value
/// whose type has the member an unknown receiver is asked for. Only
/// lossless conversions: never a cast, never a <c>!</c>, never a deletion, never a stub. Every candidate is verified
/// and ranked like any other; the tests decide among those that compile.
/// </summary>
public sealed class TypeDirectedSource : ICandidateSource
{
    /// <inheritdoc/>
    public CandidateTrust Trust => CandidateTrust.Trusted;

    /// <summary>The <see cref="Candidate.Source"/> of these candidates.</summary>
    public const string SourceName = "typed";

    /// <summary>The most candidates offered for one error.</summary>
    public const int MaxCandidates = 8;

    private static readonly ITypeDirectedRepair[] Repairs =
    [
        new MissingArgumentRepair(),
        new ArgumentOrderRepair(),
        new DeclaredTypeRepair(),
        new MissingReturnRepair(),
        new UnassignedLocalRepair(),
        new RelatedNameRepair(),
        new ReceiverRepair(),
    ];

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var repairs = Repairs.Where(repair => repair.ErrorIds.Contains(diagnostic.Id)).ToList();
        if (repairs.Count == 0 || !diagnostic.Location.IsInSource)
        {
            return [];
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return [];
        }

        var site = new RepairSite(document, await document.GetTextAsync(cancellationToken).ConfigureAwait(false), root, model, diagnostic);
        return repairs.SelectMany(repair => Propose(repair, site, cancellationToken))
            .DistinctBy(candidate => candidate.Title)
            .Take(MaxCandidates)
            .ToList();
    }

    // A repair that meets code it does not expect offers nothing; the other sources still do.
    private static IReadOnlyList<Candidate> Propose(ITypeDirectedRepair repair, RepairSite site, CancellationToken cancellationToken)
    {
        try
        {
            return repair.Propose(site, cancellationToken).Take(MaxCandidates).ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return [];
        }
    }

    /// <summary>
    /// The kind of these candidates for the ranking: after what the parser expected and the IDE's corrections that use
    /// what exists, before qualifying or generating. Their order among themselves is <see cref="Candidate.Rank"/>: the
    /// order the repair chose is a guess, not a difference of kind, so it never makes one clearly ahead of another.
    /// </summary>
    public const int Preference = 3;
}
