using CodeLlama.Refactor.Candidates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// A deterministic candidate source: where the error's span reads <paramref name="name"/>, it offers each replacement,
/// ranked in the order given (or all of one kind when <paramref name="tied"/>), so that a test decides which
/// candidates compile and which pass the tests, and the policy that chooses among them is what is tested.
/// </summary>
internal sealed class FixedAlternatives(string name, IReadOnlyList<string> replacements, bool tied = false) : ICandidateSource
{
    // It renames, as a rule source would: the policy under test, not the allow-list, decides.
    public CandidateTrust Trust => CandidateTrust.Trusted;

    public async Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken);
        var span = diagnostic.Location.SourceSpan;
        if (text.ToString(span) != name)
        {
            return [];
        }

        return replacements
            .Select((replacement, rank) => new Candidate(
                "fixed", $"'{name}' → '{replacement}'", document.WithText(text.WithChanges(new TextChange(span, replacement))).Project.Solution, tied ? 0 : rank))
            .ToList();
    }
}
