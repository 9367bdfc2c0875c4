using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>
/// Implementers and overrides of an interface or base member whose signature changed: each gets the member's new
/// signature (return type, parameter types, name) and keeps its body and its parameter names, a local declared with a
/// retyped parameter's old type and initialised with it taking the new type; or the member is put
/// back to the signature it had (from the change), or, without one, to the signature all its implementers share.
/// Never a new member, so never one that only throws.
/// </summary>
internal static class SignatureSync
{
    public static async Task<IReadOnlyList<Candidate>> CandidatesAsync(
        Solution solution, IReadOnlyList<GroupedError> group, ChangeEvidence evidence, CancellationToken cancellationToken)
    {
        var first = group[0];
        var model = await first.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var node = (await first.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!.FindNode(first.Diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (model is null || RootCauses.BaseMember(first.Diagnostic, node, model, cancellationToken)?.OriginalDefinition is not IMethodSymbol member)
        {
            return [];
        }

        var changes = evidence.Changes.Where(change => Declarations.Declare(member, change.After, cancellationToken)).ToList();
        // An implementer still carries the name the member had before a rename.
        var names = changes.Select(change => change.Before.Name).Append(member.Name).ToHashSet(StringComparer.Ordinal);
        var implementers = new List<(DocumentId Document, MethodDeclarationSyntax Method, SemanticModel Model)>();
        foreach (var error in group)
        {
            implementers.AddRange(await ImplementersAsync(error, names, cancellationToken).ConfigureAwait(false));
        }

        implementers = [.. implementers.DistinctBy(entry => (entry.Method.SyntaxTree.FilePath, entry.Method.SpanStart))];
        var candidates = new List<Candidate>();
        var sync = new GroupEdit();
        foreach (var (document, method, methodModel) in implementers)
        {
            Declarations.Resign(sync, document, method, Display(member.ReturnType, methodModel, method), member.Name, ParameterList(member, method, methodModel));
            FollowRetypedParameters(sync, document, member, method, methodModel, cancellationToken);
        }

        if (!sync.IsEmpty && await sync.ApplyAsync(solution, cancellationToken).ConfigureAwait(false) is { } synced)
        {
            candidates.Add(new Candidate(RefactoringSource.SourceName,
                $"Give {implementers.Count} implementer(s) the signature of '{member.ToDisplayString()}', keeping their bodies", synced, Preferences.Complete));
        }

        var declarations = member.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>().ToList();
        var revert = new GroupEdit();
        foreach (var declaration in declarations)
        {
            if (solution.GetDocumentId(declaration.SyntaxTree) is not { } document)
            {
                continue;
            }

            if (changes is [var change, ..])
            {
                Declarations.Resign(revert, document, declaration, change.Before);
            }
            else if (implementers.Select(entry => (entry.Method.ReturnType.ToString(), Types(entry.Method))).Distinct().ToList() is [var (returnType, _)] && implementers.Count > 0)
            {
                // Without the change, the signature every implementer shares is the one the member most likely had.
                var shared = implementers[0].Method;
                Declarations.Resign(revert, document, declaration, returnType, declaration.Identifier.ValueText, shared.ParameterList.ToString());
            }
        }

        if (!revert.IsEmpty && await revert.ApplyAsync(solution, cancellationToken).ConfigureAwait(false) is { } reverted)
        {
            candidates.Add(new Candidate(RefactoringSource.SourceName, $"Revert '{member.ToDisplayString()}' to the signature its implementers have", reverted, Preferences.Revert));
        }

        return candidates;
    }

    // A local declared with a parameter's old type and initialised with the parameter takes its new type: it holds the
    // same value, which the body then uses as before where the new type allows (compilation decides).
    private static void FollowRetypedParameters(
        GroupEdit edit, DocumentId document, IMethodSymbol member, MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        if (method.ParameterList.Parameters.Count != member.Parameters.Length || (method.Body is null && method.ExpressionBody is null))
        {
            return;
        }

        var locals = method.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
            .Where(local => local.Declaration is { Type.IsVar: false, Variables: [{ Initializer.Value: IdentifierNameSyntax }] });
        foreach (var local in locals)
        {
            var fedBy = model.GetSymbolInfo(local.Declaration.Variables[0].Initializer!.Value, cancellationToken).Symbol as IParameterSymbol;
            var index = fedBy is null ? -1 : method.ParameterList.Parameters.IndexOf(parameter => parameter.Identifier.ValueText == fedBy.Name);
            if (index >= 0 && model.GetTypeInfo(local.Declaration.Type, cancellationToken).Type is { } declared
                && SymbolEqualityComparer.Default.Equals(declared, fedBy!.Type) && !SymbolEqualityComparer.Default.Equals(declared, member.Parameters[index].Type))
            {
                edit.Replace(document, local.Declaration.Type.Span, Display(member.Parameters[index].Type, model, method));
            }
        }
    }

    private static string Types(MethodDeclarationSyntax method) => string.Join(",", method.ParameterList.Parameters.Select(parameter => parameter.Type?.ToString()));

    // The method that implements or overrides the member in the error's type: at the error for an override or explicit
    // implementation, else the one method of the type (any part) with the member's name, old or new.
    private static async Task<IEnumerable<(DocumentId, MethodDeclarationSyntax, SemanticModel)>> ImplementersAsync(
        GroupedError error, IReadOnlySet<string> names, CancellationToken cancellationToken)
    {
        var root = await error.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await error.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var node = root!.FindNode(error.Diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (model is null)
        {
            return [];
        }

        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } atError)
        {
            return [(error.Document.Id, atError, model)];
        }

        if (node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } type)
        {
            return [];
        }

        var solution = error.Document.Project.Solution;
        var found = new List<(DocumentId, MethodDeclarationSyntax, SemanticModel)>();
        foreach (var part in type.DeclaringSyntaxReferences)
        {
            if (solution.GetDocument(part.SyntaxTree) is not { } document || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } partModel)
            {
                continue;
            }

            var syntax = await part.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
            found.AddRange(syntax.ChildNodes().OfType<MethodDeclarationSyntax>()
                .Where(method => names.Contains(method.Identifier.ValueText) && !method.Modifiers.Any(SyntaxKind.StaticKeyword))
                .Select(method => (document.Id, method, partModel)));
        }

        return found.Count == 1 ? found : [];
    }

    // The member's parameters with the implementer's names where it has as many; modifiers and types from the member.
    private static string ParameterList(IMethodSymbol member, MethodDeclarationSyntax method, SemanticModel model)
    {
        var own = method.ParameterList.Parameters;
        var parameters = member.Parameters.Select((parameter, index) =>
        {
            var modifier = parameter.RefKind switch
            {
                RefKind.Ref => "ref ",
                RefKind.Out => "out ",
                RefKind.In => "in ",
                _ => parameter.IsParams ? "params " : "",
            };
            var name = own.Count == member.Parameters.Length ? own[index].Identifier.ValueText : parameter.Name;
            return modifier + Display(parameter.Type, model, method) + " " + name;
        });
        return "(" + string.Join(", ", parameters) + ")";
    }

    private static string Display(ITypeSymbol type, SemanticModel model, MethodDeclarationSyntax method) =>
        type.ToMinimalDisplayString(model, method.SpanStart);
}
