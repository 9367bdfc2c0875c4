using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.Nullable;

/// <summary>
/// The declaration a nullable warning is about, whose type takes a <c>?</c>: what a possibly-null value is assigned to
/// (a local, field, property or parameter: CS8600, CS8601, CS8625; the variable an out argument passes, CS8601), the
/// parameter an argument is passed to (CS8604, CS8625), the return type a null is returned as (CS8603), the member
/// left unset by the constructor (CS8618), the parameter of an override or implementation whose base member's
/// parameter may be null (CS8765, CS8767: the base's <c>?</c> that a change removed from the override).
/// </summary>
internal static class NullableDeclarations
{
    /// <summary>The symbol whose declared type should be nullable, or null when the warning names none in source.</summary>
    public static ISymbol? Of(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) => diagnostic.Id switch
    {
        "CS8603" => ReturnedBy(node, model, cancellationToken),
        "CS8618" => UnsetMember(node, model, diagnostic, cancellationToken),
        "CS8765" or "CS8767" => MismatchedParameter(node, model, diagnostic, cancellationToken),
        _ => AssignedTo(node, model, cancellationToken),
    };

    /// <summary>The type syntax that declares <paramref name="symbol"/>'s type (its return type for a method), or null.</summary>
    public static TypeSyntax? TypeOf(ISymbol symbol, CancellationToken cancellationToken)
    {
        if (symbol.DeclaringSyntaxReferences is not [var reference])
        {
            return null;
        }

        var type = reference.GetSyntax(cancellationToken) switch
        {
            ParameterSyntax parameter => parameter.Type,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
            PropertyDeclarationSyntax property => property.Type,
            MethodDeclarationSyntax method => method.ReturnType,
            LocalFunctionStatementSyntax local => local.ReturnType,
            _ => null,
        };
        // An async method returns its value inside the task: `Task<string?>`.
        if (symbol is IMethodSymbol { IsAsync: true } && type is GenericNameSyntax { TypeArgumentList.Arguments: [var result] })
        {
            type = result;
        }

        return type is null or NullableTypeSyntax || type.IsVar ? null : type;
    }

    private static ISymbol? ReturnedBy(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
        node.AncestorsAndSelf().FirstOrDefault(ancestor => ancestor is MethodDeclarationSyntax or LocalFunctionStatementSyntax or PropertyDeclarationSyntax
            or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax) switch
        {
            (MethodDeclarationSyntax or LocalFunctionStatementSyntax or PropertyDeclarationSyntax) and var member => model.GetDeclaredSymbol(member, cancellationToken),
            AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } => model.GetDeclaredSymbol(property, cancellationToken),
            _ => null,
        };

    private static ISymbol? AssignedTo(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var value = node is ArgumentSyntax argument ? argument.Expression : node;
        return value.Parent switch
        {
            EqualsValueClauseSyntax { Parent: (VariableDeclaratorSyntax or PropertyDeclarationSyntax or ParameterSyntax) and var declared } =>
                model.GetDeclaredSymbol(declared, cancellationToken),
            AssignmentExpressionSyntax assignment when assignment.Right == value => model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
            // An out argument is assigned by the call: the variable passed takes the parameter's possibly-null value.
            ArgumentSyntax passed when passed.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) => model.GetSymbolInfo(value, cancellationToken).Symbol,
            ArgumentSyntax passed => ParameterOf(passed, model, cancellationToken),
            ReturnStatementSyntax or ArrowExpressionClauseSyntax => ReturnedBy(value, model, cancellationToken),
            _ => null,
        };
    }

    // The parameter an argument binds to, by name or by position (never a params array's element).
    private static IParameterSymbol? ParameterOf(ArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken)
    {
        if (argument.Parent?.Parent is not { } call || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method
            || argument.Parent is not BaseArgumentListSyntax list)
        {
            return null;
        }

        if (argument.NameColon is { } name)
        {
            return method.Parameters.FirstOrDefault(parameter => parameter.Name == name.Name.Identifier.ValueText);
        }

        var index = list.Arguments.IndexOf(argument);
        return index < method.Parameters.Length && !method.Parameters[index].IsParams ? method.Parameters[index] : null;
    }

    // CS8618 marks the member itself, or the constructor that leaves it unset and names it in the message.
    private static ISymbol? UnsetMember(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (node is VariableDeclaratorSyntax or PropertyDeclarationSyntax)
        {
            return model.GetDeclaredSymbol(node, cancellationToken);
        }

        var message = diagnostic.GetMessage();
        var type = node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
        return (type is null ? null : model.GetDeclaredSymbol(type, cancellationToken) as INamedTypeSymbol)?.GetMembers()
            .Where(member => member is IFieldSymbol { IsImplicitlyDeclared: false } or IPropertySymbol)
            .FirstOrDefault(member => message.Contains($"'{member.Name}'", StringComparison.Ordinal));
    }

    // CS8765 and CS8767 mark the parameter, or the member and name the parameter in the message; it takes a `?` only
    // where the member it overrides or implements declares that parameter nullable.
    private static ISymbol? MismatchedParameter(SyntaxNode node, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var method = node.AncestorsAndSelf().OfType<BaseMethodDeclarationSyntax>().FirstOrDefault() is { } declaration
            ? model.GetDeclaredSymbol(declaration, cancellationToken) as IMethodSymbol
            : null;
        if (method is null)
        {
            return null;
        }

        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var named = node.AncestorsAndSelf().OfType<ParameterSyntax>().FirstOrDefault() is { } parameter
            ? model.GetDeclaredSymbol(parameter, cancellationToken)
            : method.Parameters.FirstOrDefault(candidate => message.Contains($"'{candidate.Name}'", StringComparison.Ordinal));
        return named is IParameterSymbol { NullableAnnotation: NullableAnnotation.NotAnnotated } own
            && BaseMembers(method).Any(member => own.Ordinal < member.Parameters.Length && member.Parameters[own.Ordinal].NullableAnnotation == NullableAnnotation.Annotated)
            ? own
            : null;
    }

    // The member a method overrides and the interface members it implements.
    private static IEnumerable<IMethodSymbol> BaseMembers(IMethodSymbol method)
    {
        if (method.OverriddenMethod is { } overridden)
        {
            yield return overridden;
        }

        foreach (var member in method.ExplicitInterfaceImplementations)
        {
            yield return member;
        }

        foreach (var face in method.ContainingType.AllInterfaces)
        {
            foreach (var member in face.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    yield return member;
                }
            }
        }
    }
}
