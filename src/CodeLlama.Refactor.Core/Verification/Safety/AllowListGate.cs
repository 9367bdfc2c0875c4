using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>
/// The gate for untrusted candidates (<see cref="Candidates.CandidateTrust.Untrusted"/>): every member the edit changed
/// may reference only what that member referenced before (for a new member: what the file referenced), the
/// <see cref="AllowList"/>, and solution members that reach only allowed symbols; never what
/// <see cref="AlwaysRefused"/> names, a new attribute, a static constructor or finalizer, or a new type. Only the changed
/// members are walked; what each document referenced before is computed once per document, and the analysis of solution
/// members once per run.
/// </summary>
public sealed class AllowListGate
{
    private readonly ConditionalWeakTable<Document, Task<DocumentFacts>> factsBefore = new();
    private readonly ConcurrentDictionary<AllowList, SymbolJudge> judges = new();

    /// <summary>The first thing in <paramref name="after"/> that untrusted code may not add to <paramref name="before"/>, or null.</summary>
    /// <param name="before">The document before the edit; null for a document the edit adds.</param>
    /// <param name="after">The document after it, in the candidate's solution.</param>
    /// <param name="allowList">The allow-list, with the user's capabilities.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The refusal, or null when everything it adds is allowed.</returns>
    public async Task<Refusal?> CheckAsync(Document? before, Document after, AllowList allowList, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(allowList);
        var judge = judges.GetOrAdd(allowList, list => new SymbolJudge(list));
        var facts = before is null ? DocumentFacts.Empty : await factsBefore.GetValue(before, document => DocumentFacts.ReadAsync(document, CancellationToken.None)).ConfigureAwait(false);
        var root = await after.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return new Refusal(RefusalKind.NotAllowed, after.Name, after.Name);
        }

        if (Structural(facts, root) is { } structural)
        {
            return structural;
        }

        var members = MemberEdits.Members(root, model, cancellationToken);
        // A changed using, or a member removed (an overload gone), can change what unchanged text binds to: every member is walked.
        var recheckAll = MemberEdits.Imports(root) != facts.Imports || facts.Members.Keys.Except(members.Select(member => member.Key)).Any();
        foreach (var member in members)
        {
            var text = member.Node.ToFullString();
            var existing = facts.Members.GetValueOrDefault(member.Key);
            if (!recheckAll && existing is not null && existing.Texts.Contains(text))
            {
                continue;
            }

            var display = member.Key == MemberEdits.TopLevel ? member.Key : model.GetDeclaredSymbol(member.Node, cancellationToken)?.ToDisplayString() ?? member.Key;
            if (MemberEdits.RunsUncalled(member.Node))
            {
                return new Refusal(RefusalKind.TypeInitializer, display, display);
            }

            var attributesBefore = (existing?.Attributes ?? []).ToList();
            foreach (var attribute in MemberEdits.Attributes(member.Node))
            {
                if (!attributesBefore.Remove(attribute))
                {
                    return new Refusal(RefusalKind.NewAttribute, attribute, display);
                }
            }

            var allowed = existing?.Symbols ?? facts.FileSymbols;
            var references = ReferenceWalker.Walk(member.Node, model, cancellationToken);
            if (await judge.FirstBlockedAsync(references, allowed, after.Project.Solution, cancellationToken).ConfigureAwait(false) is { } blocked)
            {
                return new Refusal(blocked.Kind, blocked.Symbol, display, blocked.Via);
            }
        }

        return null;
    }

    // Types and attributes outside members: a new or changed type, or an attribute the file did not have.
    private static Refusal? Structural(DocumentFacts facts, SyntaxNode root)
    {
        foreach (var (name, header) in MemberEdits.TypeHeaders(root))
        {
            if (facts.TypeHeaders.GetValueOrDefault(name) != header)
            {
                return new Refusal(RefusalKind.NewType, name, name);
            }
        }

        var attributesBefore = facts.OuterAttributes.ToList();
        foreach (var attribute in MemberEdits.OuterAttributes(root))
        {
            if (!attributesBefore.Remove(attribute))
            {
                return new Refusal(RefusalKind.NewAttribute, attribute, "the file");
            }
        }

        return null;
    }
}
