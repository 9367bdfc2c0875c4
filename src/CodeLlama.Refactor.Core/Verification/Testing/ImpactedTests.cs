using CodeLlama.Refactor.Editing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>
/// Test impact analysis: the test methods that reach a changed member, found by walking references backwards from the
/// members the edits touch (through overridden and implemented members too) until test methods are reached. The walk is
/// bounded; when it runs past its bounds the answer is "unknown" and every test of the affected projects runs.
/// </summary>
public static class ImpactedTests
{
    private const int MaxDepth = 8;
    private const int MaxSymbols = 2_000;

    private static readonly string[] TestAttributeNames =
        ["Fact", "Theory", "Test", "TestCase", "TestCaseSource", "TestMethod", "DataTestMethod", "SkippableFact", "SkippableTheory"];

    /// <summary>Finds the test methods in <paramref name="testProjects"/> that reach a member <paramref name="edits"/> change.</summary>
    /// <param name="solution">The solution with the edits applied.</param>
    /// <param name="edits">The changes, as text before and after.</param>
    /// <param name="testProjects">The test projects whose tests may be selected.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <param name="throughExternalBases">
    /// Whether a call through a base or interface member the solution does not declare (<c>object.ToString</c>,
    /// <c>IComparable.CompareTo</c>) reaches the member: it may, at run time, but such a call reaches every override in
    /// the world. True selects tests to run (more is safe); false finds the tests that name the member or a base the
    /// solution declares, the only ones that may vouch for a guess.
    /// </param>
    /// <returns>
    /// The tests' fully qualified names (the test frameworks' <c>FullyQualifiedName</c>), or null when the walk could not
    /// be bounded or a change lies outside any member, so that only a full run is a safe answer.
    /// </returns>
    public static async Task<IReadOnlyList<string>?> FindAsync(
        Solution solution, IReadOnlyList<FileEdit> edits, IReadOnlyList<Project> testProjects, CancellationToken cancellationToken = default, bool throughExternalBases = true)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(testProjects);
        var changed = await ChangedMembersAsync(solution, edits, cancellationToken).ConfigureAwait(false);
        if (changed is null)
        {
            return null;
        }

        var testPaths = testProjects.Select(project => project.FilePath).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<ISymbol>(changed, SymbolEqualityComparer.Default);
        var frontier = changed;
        var tests = new SortedSet<string>(StringComparer.Ordinal);
        for (var depth = 0; frontier.Count > 0; depth++)
        {
            if (depth == MaxDepth)
            {
                return null;
            }

            var next = new List<ISymbol>();
            foreach (var symbol in frontier)
            {
                if (IsTestMethod(symbol) && solution.GetProject(symbol.ContainingAssembly) is { } project && testPaths.Contains(project.FilePath))
                {
                    tests.Add(FullyQualifiedName((IMethodSymbol)symbol));
                }

                foreach (var caller in await CallersAsync(symbol, solution, throughExternalBases, cancellationToken).ConfigureAwait(false))
                {
                    if (seen.Add(caller))
                    {
                        next.Add(caller);
                    }
                }

                if (seen.Count > MaxSymbols)
                {
                    return null;
                }
            }

            frontier = next;
        }

        return [.. tests];
    }

    // The members the edits' changed spans lie in or add; null when a change lies outside every member (a type's base
    // list, an attribute on a type, a using), which can reach anything.
    private static async Task<List<ISymbol>?> ChangedMembersAsync(Solution solution, IReadOnlyList<FileEdit> edits, CancellationToken cancellationToken)
    {
        var members = new List<ISymbol>();
        foreach (var edit in edits)
        {
            foreach (var documentId in solution.GetDocumentIdsWithFilePath(edit.FilePath))
            {
                var document = solution.GetDocument(documentId);
                if (document is null || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
                {
                    return null;
                }

                var root = await model.SyntaxTree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                foreach (var span in ChangedSpans(edit))
                {
                    var declarations = DeclarationsCovering(root, span);
                    if (declarations is null)
                    {
                        return null;
                    }

                    foreach (var declaration in declarations)
                    {
                        if (model.GetDeclaredSymbol(declaration, cancellationToken) is not { } symbol)
                        {
                            return null;
                        }

                        members.Add(symbol);
                    }
                }
            }
        }

        return members;
    }

    // The changed spans in the new text. Texts that share no history compare as one span between their common prefix
    // and suffix.
    private static IEnumerable<TextSpan> ChangedSpans(FileEdit edit)
    {
        var ranges = edit.Updated.GetChangeRanges(edit.Original);
        if (ranges.Count == 1 && ranges[0].Span.Length == edit.Original.Length && edit.Original.Length > 0)
        {
            yield return ChangedSpan.Between(edit.Original.ToString(), edit.Updated.ToString()).Span;
            yield break;
        }

        var delta = 0;
        foreach (var range in ranges)
        {
            yield return new TextSpan(range.Span.Start + delta, range.NewLength);
            delta += range.NewLength - range.Span.Length;
        }
    }

    // The member declarations a change lies in (the innermost one around it) or spans (members it adds or rewrites
    // whole); null when part of it is outside every member.
    private static IReadOnlyList<SyntaxNode>? DeclarationsCovering(SyntaxNode root, TextSpan span)
    {
        var probe = span.IsEmpty ? new TextSpan(Math.Min(span.Start, Math.Max(0, root.FullSpan.End - 1)), 0) : span;
        var inner = root.FindNode(probe, getInnermostNodeForTie: true).AncestorsAndSelf().FirstOrDefault(IsMember);
        if (inner is not null)
        {
            return Declared(inner.AncestorsAndSelf().Last(IsMember));
        }

        if (span.IsEmpty)
        {
            // A deletion outside every member: what went is not in the new text to look at.
            return null;
        }

        var spanned = root.DescendantNodes(span).Where(node => IsMember(node) && node.FullSpan.IntersectsWith(span) && !node.Ancestors().Any(IsMember)).ToList();
        // Whitespace between members changes nothing a test can see; anything else outside members may.
        return OnlyTrivia(root, span, spanned) ? [.. spanned.SelectMany(Declared)] : null;
    }

    private static bool OnlyTrivia(SyntaxNode root, TextSpan span, IReadOnlyList<SyntaxNode> spanned)
    {
        var text = root.GetText();
        for (var position = span.Start; position < span.End; position++)
        {
            if (!spanned.Any(node => node.FullSpan.Contains(position)) && !char.IsWhiteSpace(text[position]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMember(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or BaseFieldDeclarationSyntax or DelegateDeclarationSyntax;

    // A field declaration declares its variables; every other member declares itself.
    private static IReadOnlyList<SyntaxNode> Declared(SyntaxNode member) =>
        member is BaseFieldDeclarationSyntax field ? [.. field.Declaration.Variables] : [member];

    // Who uses a symbol: the members whose bodies refer to it, or to a member it overrides or implements (a call
    // through the base or the interface reaches it too). Without external bases, a reference counts only when it is
    // bound to one of those members (not one the search cascades to, such as a sibling override), and a call through a
    // member the solution does not declare only when its receiver's type ties it to the symbol (ExternalBaseCalls).
    private static async Task<IReadOnlyList<ISymbol>> CallersAsync(ISymbol symbol, Solution solution, bool throughExternalBases, CancellationToken cancellationToken)
    {
        var targets = new List<ISymbol> { symbol };
        targets.AddRange(await SymbolFinder.FindImplementedInterfaceMembersAsync(symbol, solution, cancellationToken: cancellationToken).ConfigureAwait(false));
        for (var overridden = Overridden(symbol); overridden is not null; overridden = Overridden(overridden))
        {
            targets.Add(overridden);
        }

        bool Bound(ISymbol definition) =>
            throughExternalBases || targets.Any(target => SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, definition.OriginalDefinition));

        var callers = new List<ISymbol>();
        foreach (var target in targets)
        {
            foreach (var reference in (await SymbolFinder.FindReferencesAsync(target, solution, cancellationToken).ConfigureAwait(false)).Where(found => Bound(found.Definition)))
            {
                // The search cascades: what a reference is bound to, not what was searched for, says whether it is external.
                var external = !throughExternalBases && !reference.Definition.Locations.Any(location => location.IsInSource);
                foreach (var location in reference.Locations)
                {
                    var model = await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    if (model?.GetEnclosingSymbol(location.Location.SourceSpan.Start, cancellationToken) is { } enclosing
                        && (!external || (symbol.ContainingType is { } type && ExternalBaseCalls.Reach(model, location.Location, type, cancellationToken))))
                    {
                        callers.Add(Member(enclosing));
                    }
                }
            }
        }

        return callers;
    }

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IMethodSymbol method => method.OverriddenMethod,
        IPropertySymbol property => property.OverriddenProperty,
        IEventSymbol @event => @event.OverriddenEvent,
        _ => null,
    };

    // A lambda or local function inside a member stands for the member; an accessor for its property.
    private static ISymbol Member(ISymbol symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.LambdaMethod or MethodKind.LocalFunction } && symbol.ContainingSymbol is { } container)
        {
            symbol = container;
        }

        return symbol is IMethodSymbol { AssociatedSymbol: { } associated } ? associated : symbol;
    }

    private static bool IsTestMethod(ISymbol symbol) =>
        symbol is IMethodSymbol method && method.GetAttributes().Any(attribute =>
            attribute.AttributeClass is { } type
            && TestAttributeNames.Any(name => type.Name == name || type.Name == name + "Attribute"));

    // The name the test frameworks filter on: namespace, nested types joined with '+', method.
    private static string FullyQualifiedName(IMethodSymbol method)
    {
        var types = new List<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            types.Insert(0, type.MetadataName);
        }

        var ns = method.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() + "." : string.Empty;
        return $"{ns}{string.Join('+', types)}.{method.Name}";
    }
}
