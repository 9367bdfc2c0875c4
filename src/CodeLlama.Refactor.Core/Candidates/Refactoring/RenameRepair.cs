using CodeLlama.Refactor.Candidates.TypeDirected;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>
/// A name missing at several sites after a rename left half done: every site renamed to the new name (completing the
/// change), or the declaration renamed back (reverting its part). The new name comes from the change when git shows
/// it, else from the one member of a similar name and the same shape that the sites' types have.
/// </summary>
internal static class RenameRepair
{
    public static async Task<IReadOnlyList<Candidate>> CandidatesAsync(
        Solution solution, IReadOnlyList<GroupedError> group, ChangeEvidence evidence, CancellationToken cancellationToken)
    {
        var missing = group[0].Cause.Name;
        var candidates = new List<Candidate>();
        foreach (var change in evidence.Changes.Where(change => change.Kinds.HasFlag(DeclarationChangeKinds.Renamed) && change.Before.Name == missing))
        {
            await AddAsync(candidates, $"Complete the rename of '{missing}' to '{change.After.Name}' at {group.Count} site(s)",
                RenameSites(group, change.After.Name), solution, Preferences.Complete, cancellationToken).ConfigureAwait(false);
            var revert = new GroupEdit();
            foreach (var (document, method) in await Declarations.FindAsync(solution, change.After, cancellationToken).ConfigureAwait(false))
            {
                Declarations.Resign(revert, document, method, change.Before);
            }

            await AddAsync(candidates, $"Revert the declaration: rename '{change.After.Name}' back to '{missing}'", revert, solution, Preferences.Revert, cancellationToken)
                .ConfigureAwait(false);
        }

        // Without the change, one misspelt site is the IDE spell-check's; a name missing at several sites is a rename.
        if (candidates.Count == 0 && group.Count > 1 && await SimilarMemberAsync(group, cancellationToken).ConfigureAwait(false) is { } similar)
        {
            await AddAsync(candidates, $"Rename '{missing}' to '{similar.Name}' at {group.Count} site(s)",
                RenameSites(group, similar.Name), solution, Preferences.Complete, cancellationToken).ConfigureAwait(false);
            var revert = new GroupEdit();
            foreach (var reference in similar.DeclaringSyntaxReferences)
            {
                if (solution.GetDocumentId(reference.SyntaxTree) is { } document
                    && await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is MethodDeclarationSyntax method)
                {
                    revert.Replace(document, method.Identifier.Span, missing);
                }
            }

            await AddAsync(candidates, $"Rename the declaration '{similar.Name}' back to '{missing}'", revert, solution, Preferences.Revert, cancellationToken)
                .ConfigureAwait(false);
        }

        return candidates;
    }

    private static async Task AddAsync(List<Candidate> candidates, string title, GroupEdit edit, Solution solution, int preference, CancellationToken cancellationToken)
    {
        if (!edit.IsEmpty && await edit.ApplyAsync(solution, cancellationToken).ConfigureAwait(false) is { } changed)
        {
            candidates.Add(new Candidate(RefactoringSource.SourceName, title, changed, preference));
        }
    }

    private static GroupEdit RenameSites(IReadOnlyList<GroupedError> group, string name)
    {
        var edit = new GroupEdit();
        foreach (var error in group)
        {
            if (NameAt(error) is { } site)
            {
                edit.Replace(error.Document.Id, site.Identifier.Span, name);
            }
        }

        return edit;
    }

    private static SimpleNameSyntax? NameAt(GroupedError error) =>
        error.Diagnostic.Location.SourceTree?.GetRoot().FindNode(error.Diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .DescendantNodesAndSelf().OfType<SimpleNameSyntax>().FirstOrDefault();

    // The one member, across every site, whose name is like the missing one and whose shape fits each site's use:
    // a method taking the site's argument count where the site calls, a value where it does not. Alike means sharing
    // words: spell-check's rule would also take any name the missing one contains ('Equals' for 'MajorMinorPatchEquals').
    private static async Task<ISymbol?> SimilarMemberAsync(IReadOnlyList<GroupedError> group, CancellationToken cancellationToken)
    {
        HashSet<ISymbol>? common = null;
        foreach (var error in group)
        {
            if (NameAt(error) is not { } site || await error.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                return null;
            }

            // The receiver: before the dot, before the '?.' of a conditional access, or the enclosing type.
            var receiver = site.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == site => access.Expression,
                MemberBindingExpressionSyntax binding => binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
                _ => null,
            };
            var type = receiver is null
                ? model.GetEnclosingSymbol(site.SpanStart, cancellationToken)?.ContainingType
                : model.GetTypeInfo(receiver, cancellationToken).Type ?? model.GetSymbolInfo(receiver, cancellationToken).Symbol as ITypeSymbol;
            if (type is null)
            {
                return null;
            }

            var call = (receiver is null ? site.Parent : site.Parent?.Parent) as InvocationExpressionSyntax;
            var fitting = Members(type)
                .Where(member => member.Name != site.Identifier.ValueText && !member.IsImplicitlyDeclared && member.CanBeReferencedByName
                    && NameSimilarity.Score(member.Name, site.Identifier.ValueText) >= 0.4
                    && Fits(member, call))
                .Select(member => member.OriginalDefinition)
                .ToHashSet<ISymbol>(SymbolEqualityComparer.Default);
            common ??= fitting;
            common.IntersectWith(fitting);
        }

        return common is { Count: 1 } ? common.First() : null;
    }

    private static bool Fits(ISymbol member, InvocationExpressionSyntax? call) => (member, call) switch
    {
        (IMethodSymbol method, { } invoked) => method.MethodKind == MethodKind.Ordinary
            && invoked.ArgumentList.Arguments.Count <= method.Parameters.Length
            && invoked.ArgumentList.Arguments.Count >= method.Parameters.Count(parameter => !parameter.IsOptional && !parameter.IsParams),
        (IMethodSymbol, null) => false,
        (_, { }) => false,
        _ => member is IPropertySymbol or IFieldSymbol,
    };

    private static IEnumerable<ISymbol> Members(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                yield return member;
            }
        }

        foreach (var face in type.AllInterfaces)
        {
            foreach (var member in face.GetMembers())
            {
                yield return member;
            }
        }
    }
}

/// <summary>How the refactoring repairs rank when the errors they leave tie: completing the change before reverting it.</summary>
internal static class Preferences
{
    /// <summary>The change is what its author meant: complete it first.</summary>
    public const int Complete = 0;

    /// <summary>A completion that had to guess a value: the tests choose it.</summary>
    public const int Guess = 1;

    /// <summary>Putting the declaration back as it was.</summary>
    public const int Revert = 2;
}
