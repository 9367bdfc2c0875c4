using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>Finds method declarations in a solution and writes the edits that re-sign them, bodies untouched.</summary>
internal static class Declarations
{
    /// <summary>The declarations in <paramref name="solution"/> of the method <paramref name="shape"/> describes.</summary>
    public static async Task<IReadOnlyList<(DocumentId Document, MethodDeclarationSyntax Method)>> FindAsync(
        Solution solution, MethodShape shape, CancellationToken cancellationToken)
    {
        var found = new List<(DocumentId, MethodDeclarationSyntax)>();
        var files = new HashSet<string?>();
        foreach (var document in solution.Projects.SelectMany(project => project.Documents))
        {
            // A file compiled by several projects is edited once; the repair loop carries the edit to its other documents.
            if (!files.Add(document.FilePath) || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            found.AddRange(root.DescendantNodes().OfType<MethodDeclarationSyntax>()
                // Its overloads have other parameters: only the one of the shape's parameters is the changed method.
                .Where(method => method.Identifier.ValueText == shape.Name && method.ExplicitInterfaceSpecifier is null
                    && method.Parent is TypeDeclarationSyntax type && ChangeReader.TypeName(type) == shape.TypeName
                    && ChangeReader.Shape(method, type).Parameters.SequenceEqual(shape.Parameters))
                .Select(method => (document.Id, method)));
        }

        return found;
    }

    /// <summary>Whether <paramref name="method"/> is declared as <paramref name="shape"/> describes: its type, name and parameters, so not one of its overloads.</summary>
    public static bool Declare(IMethodSymbol method, MethodShape shape, CancellationToken cancellationToken) =>
        method.OriginalDefinition.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>()
            .Any(syntax => syntax.Parent is TypeDeclarationSyntax type && ChangeReader.Shape(syntax, type) is var declared
                && declared.Name == shape.Name && declared.TypeName == shape.TypeName && declared.Parameters.SequenceEqual(shape.Parameters));

    /// <summary>Adds to <paramref name="edit"/> the change that gives <paramref name="method"/> the name and signature of <paramref name="shape"/>.</summary>
    public static void Resign(GroupEdit edit, DocumentId document, MethodDeclarationSyntax method, MethodShape shape) =>
        Resign(edit, document, method, shape.ReturnType, shape.Name, shape.ParameterList);

    /// <summary>Adds to <paramref name="edit"/> the change that gives <paramref name="method"/> a return type, name and parameter list, its <c>&lt;param&gt;</c> tags in step.</summary>
    public static void Resign(GroupEdit edit, DocumentId document, MethodDeclarationSyntax method, string returnType, string name, string parameterList)
    {
        var returnSpan = method.ReturnType.Span;
        var identifier = method.Identifier.Span;
        var parameters = method.ParameterList.Span;
        // Return type, explicit interface and name, and parameter list in one change: they are adjacent and must not overlap.
        var between = method.SyntaxTree.GetText().ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(returnSpan.End, identifier.Start));
        var typeParameters = method.TypeParameterList?.ToString() ?? "";
        edit.Replace(document, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(returnSpan.Start, parameters.End),
            returnType + between + name + typeParameters + parameterList);
        ParamTags.Resign(edit, document, method, parameterList);
    }
}
