using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>One member of a document: its identity across edits, and its declaration.</summary>
/// <param name="Key">The documentation ID of what it declares (<c>&lt;top level&gt;</c> for top-level statements).</param>
/// <param name="Node">Its declaration.</param>
internal sealed record MemberSite(string Key, SyntaxNode Node);

/// <summary>
/// Splits a document into its members, and finds what an edit changed: the members whose text differs (all of them
/// when the usings changed, as a new alias or <c>using static</c> changes what unchanged text binds to), the types it
/// added or whose declaration it changed, and the attributes it added outside members.
/// </summary>
internal static class MemberEdits
{
    public const string TopLevel = "<top level>";

    /// <summary>Every member declaration (fields, methods, properties, events, operators, top-level statements), in source order.</summary>
    public static IReadOnlyList<MemberSite> Members(SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        var members = new List<MemberSite>();
        foreach (var node in root.DescendantNodes(descendIntoChildren: node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            var key = node switch
            {
                GlobalStatementSyntax => TopLevel,
                BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => model.GetDeclaredSymbol(variable, cancellationToken)).FirstOrDefault() is { } declared ? SymbolJudge.Key(declared) : null,
                MemberDeclarationSyntax and not BaseNamespaceDeclarationSyntax and not BaseTypeDeclarationSyntax and not DelegateDeclarationSyntax
                    => model.GetDeclaredSymbol(node, cancellationToken) is { } declared ? SymbolJudge.Key(declared) : node.ToString(),
                _ => null,
            };
            if (key is not null)
            {
                members.Add(new MemberSite(key, node));
            }
        }

        return members;
    }

    /// <summary>The text of what the document's code binds against outside members: usings and extern aliases.</summary>
    public static string Imports(SyntaxNode root) => string.Join('\n', root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
        .Where(node => node is UsingDirectiveSyntax or ExternAliasDirectiveSyntax)
        .Select(node => node.ToString()));

    /// <summary>Each type's declaration without its members (attributes, modifiers, name, base types, constraints), by full name.</summary>
    public static IReadOnlyDictionary<string, string> TypeHeaders(SyntaxNode root)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(node => node is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax))
        {
            var name = FullName(type);
            var header = type switch
            {
                TypeDeclarationSyntax declared => declared.WithMembers(default).WithOpenBraceToken(default).WithCloseBraceToken(default).NormalizeWhitespace().ToString(),
                EnumDeclarationSyntax declared => declared.WithMembers(default).NormalizeWhitespace().ToString(),
                _ => type.NormalizeWhitespace().ToString(),
            };
            headers[headers.ContainsKey(name) ? name + "#" + headers.Count : name] = header;
        }

        return headers;
    }

    /// <summary>Attributes outside members (assembly, module and type attributes), as written.</summary>
    public static IReadOnlyList<string> OuterAttributes(SyntaxNode root) => root.DescendantNodes(node => node is not MemberDeclarationSyntax || node is BaseNamespaceDeclarationSyntax or BaseTypeDeclarationSyntax)
        .OfType<AttributeSyntax>()
        .Where(attribute => attribute.FirstAncestorOrSelf<MemberDeclarationSyntax>() is null or BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
        .Select(attribute => attribute.NormalizeWhitespace().ToString())
        .ToList();

    /// <summary>The attributes inside a member (on it, its parameters, accessors, local functions and lambdas), as written.</summary>
    public static IEnumerable<string> Attributes(SyntaxNode member) =>
        member.DescendantNodes().OfType<AttributeSyntax>().Select(attribute => attribute.NormalizeWhitespace().ToString());

    /// <summary>Whether the member runs without being called: a static constructor or a finalizer.</summary>
    public static bool RunsUncalled(SyntaxNode member) =>
        member is DestructorDeclarationSyntax || (member is ConstructorDeclarationSyntax constructor && constructor.Modifiers.Any(SyntaxKind.StaticKeyword));

    private static string FullName(SyntaxNode type)
    {
        var names = type.AncestorsAndSelf().Select(node => node switch
        {
            BaseTypeDeclarationSyntax declared => declared.Identifier.ValueText,
            DelegateDeclarationSyntax declared => declared.Identifier.ValueText,
            BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
            _ => null,
        }).OfType<string>().Reverse();
        return string.Join('.', names);
    }
}
