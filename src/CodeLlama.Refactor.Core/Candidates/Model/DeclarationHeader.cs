using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.Model;

/// <summary>
/// A short comment block of repository context for a repair prompt: the signatures of the symbols the span uses that are declared
/// in other files, and the members of the types its expressions have (a misspelt member is then one the model can see).
/// The file itself is in the prompt already, so nothing declared in it is repeated.
/// </summary>
public static class DeclarationHeader
{
    /// <summary>The name the header goes by as a chunk of repository context.</summary>
    public const string FileName = "declarations.cs";

    private const int MaxLines = 30;
    private const int MaxMembersPerType = 12;

    private static readonly SymbolDisplayFormat Signature = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType
            | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName
            | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The header for <paramref name="span"/>, or an empty string when the span uses nothing from other files.</summary>
    /// <param name="model">The semantic model of the span's file.</param>
    /// <param name="span">The text the model rewrites.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Comment lines ending with a line break, or an empty string.</returns>
    public static string For(SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var tree = model.SyntaxTree;
        var root = tree.GetRoot(cancellationToken);
        var lines = new List<string>();
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var node in root.DescendantNodes(span).Where(node => span.Contains(node.Span)))
        {
            var symbol = model.GetSymbolInfo(node, cancellationToken) is { Symbol: { } bound } ? bound : null;
            if (symbol is not null && IsFromOtherFile(symbol.OriginalDefinition, tree) && seen.Add(symbol.OriginalDefinition))
            {
                lines.Add(symbol.OriginalDefinition.ToDisplayString(Signature));
                // A type named in the code (a static class, an enum) shows its members, as the type of an expression does.
                if (symbol.OriginalDefinition is INamedTypeSymbol named)
                {
                    lines.AddRange(Members(named, seen));
                }
            }

            if (model.GetTypeInfo(node, cancellationToken).Type is INamedTypeSymbol type
                && IsFromOtherFile(type.OriginalDefinition, tree) && seen.Add(type.OriginalDefinition))
            {
                lines.Add(type.OriginalDefinition.ToDisplayString(Signature));
                lines.AddRange(Members(type.OriginalDefinition, seen));
            }
        }

        return lines.Count == 0
            ? string.Empty
            : "// Declared in other files:\n" + string.Concat(lines.Take(MaxLines).Select(line => $"//   {line}\n"));
    }

    private static IEnumerable<string> Members(INamedTypeSymbol type, HashSet<ISymbol> seen) => type.GetMembers()
        .Where(member => !member.IsImplicitlyDeclared && member.CanBeReferencedByName && member is not INamedTypeSymbol
            && member.DeclaredAccessibility != Accessibility.Private)
        .Take(MaxMembersPerType)
        .Where(seen.Add)
        .Select(member => "  " + member.ToDisplayString(Signature))
        .ToList();

    private static bool IsFromOtherFile(ISymbol symbol, SyntaxTree tree) =>
        symbol.Locations.Any(location => location.IsInSource) && symbol.Locations.All(location => location.SourceTree != tree)
        && symbol.Kind is not (SymbolKind.Namespace or SymbolKind.Local or SymbolKind.Parameter or SymbolKind.RangeVariable);
}
