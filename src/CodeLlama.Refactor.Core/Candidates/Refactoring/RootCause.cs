using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>What a group of errors has in common.</summary>
internal enum RootCauseKind
{
    /// <summary>They name a symbol that does not exist (CS0103, CS1061, CS0117).</summary>
    MissingMember,

    /// <summary>They call one method with arguments its declaration no longer takes (CS7036, CS1501, CS1503, CS1739).</summary>
    ChangedMember,

    /// <summary>They implement or override one interface or base member whose signature they no longer match.</summary>
    BaseMember,
}

/// <summary>The root cause of an error: its kind and the symbol it is about.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Name">The missing name, or the member's display string (e.g. <c>Lib.IShape.Area(double)</c>).</param>
internal sealed record RootCause(RootCauseKind Kind, string Name)
{
    /// <summary>The cause in words, for the report.</summary>
    public string Describe() => Kind switch
    {
        RootCauseKind.MissingMember => $"missing member '{Name}'",
        RootCauseKind.ChangedMember => $"changed member '{Name}'",
        _ => $"interface or base member '{Name}'",
    };
}

/// <summary>Finds the root cause of one compile error from the semantic model.</summary>
internal static class RootCauses
{
    private static readonly HashSet<string> Missing = ["CS0103", "CS1061", "CS0117"];
    private static readonly HashSet<string> Calls = ["CS7036", "CS1501", "CS1503", "CS1739"];
    private static readonly HashSet<string> Implementers = ["CS0535", "CS0534", "CS0738"];
    private static readonly HashSet<string> Overrides = ["CS0115", "CS0508", "CS0539"];

    /// <summary>Whether an error of <paramref name="id"/> can have a root cause shared with others.</summary>
    public static bool IsGroupable(string id) => Missing.Contains(id) || Calls.Contains(id) || Implementers.Contains(id) || Overrides.Contains(id);

    /// <summary>The root cause of <paramref name="diagnostic"/>, or null when it has none a group could share.</summary>
    public static RootCause? Of(Diagnostic diagnostic, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!IsGroupable(diagnostic.Id) || diagnostic.Location.SourceTree != model.SyntaxTree)
        {
            return null;
        }

        var node = model.SyntaxTree.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return diagnostic.Id switch
        {
            _ when Missing.Contains(diagnostic.Id) => node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().FirstOrDefault() is { } name
                ? new RootCause(RootCauseKind.MissingMember, name.Identifier.ValueText)
                : null,
            _ when Calls.Contains(diagnostic.Id) => CalledMethods(diagnostic.Id, node, model, cancellationToken) switch
            {
                // An extension method called on its receiver binds in its reduced form: the cause is the method as declared.
                [var method] => new RootCause(RootCauseKind.ChangedMember, (method.ReducedFrom ?? method).OriginalDefinition.ToDisplayString()),
                // Overloads: the call matches none, and which one changed is the change's to say: the method group is the cause.
                [var method, ..] => new RootCause(RootCauseKind.ChangedMember, $"{method.ContainingType.ToDisplayString()}.{method.Name}"),
                [] => null,
            },
            _ => BaseMember(diagnostic, node, model, cancellationToken) is { } member
                ? new RootCause(RootCauseKind.BaseMember, member.OriginalDefinition.ToDisplayString())
                : null,
        };
    }

    /// <summary>The interface or base member an implementer or override error is about, or null.</summary>
    public static ISymbol? BaseMember(Diagnostic diagnostic, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
        Implementers.Contains(diagnostic.Id) ? Unimplemented(diagnostic, node, model, cancellationToken)
        : Overrides.Contains(diagnostic.Id) ? Overridden(node, model, cancellationToken)
        : null;

    /// <summary>The method an erroneous call binds to, or the overloads it could mean (one method group).</summary>
    public static IReadOnlyList<IMethodSymbol> CalledMethods(string id, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        // An argument's error is about the call whose argument list holds it, not a call inside the argument.
        var call = id == "CS1503" && node.FirstAncestorOrSelf<ArgumentSyntax>() is { Parent.Parent: { } owner } ? owner
            : node.AncestorsAndSelf().FirstOrDefault(ancestor => ancestor is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax);
        if (call is null)
        {
            return [];
        }

        var info = model.GetSymbolInfo(call, cancellationToken);
        var methods = info.CandidateSymbols.Prepend(info.Symbol).OfType<IMethodSymbol>().ToList();
        return methods.Select(method => (method.ContainingType, method.Name)).Distinct().Count() == 1 ? methods : [];
    }

    // The interface or abstract member a type no longer implements that the message names (several may be missing).
    private static ISymbol? Unimplemented(Diagnostic diagnostic, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration || model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return null;
        }

        var interfaceMembers = type.AllInterfaces.SelectMany(face => face.GetMembers())
            .Where(member => member is IMethodSymbol or IPropertySymbol && !Implements(type, member));
        var abstractMembers = BaseTypes(type).SelectMany(baseType => baseType.GetMembers())
            .Where(member => member.IsAbstract && !BaseTypes(type).Prepend(type)
                .TakeWhile(between => !SymbolEqualityComparer.Default.Equals(between, member.ContainingType))
                .Any(between => between.GetMembers(member.Name).Any(own => IsOverrideOf(own, member))));
        var missing = interfaceMembers.Concat(abstractMembers).ToList();
        // Several may be missing: the message names its own (in the compiler's words, so only the name is compared).
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        return missing.Count == 1 ? missing[0] : missing.FirstOrDefault(member => message.Contains($".{member.Name}", StringComparison.Ordinal));
    }

    // Implemented with the member's own signature (CS0738 is a method of its name with another return type).
    private static bool Implements(INamedTypeSymbol type, ISymbol member) =>
        type.FindImplementationForInterfaceMember(member) is { } found
        && (member is not IMethodSymbol wanted || found is not IMethodSymbol got || SymbolEqualityComparer.Default.Equals(wanted.ReturnType, got.ReturnType));

    private static bool IsOverrideOf(ISymbol own, ISymbol member)
    {
        for (var overridden = (own as IMethodSymbol)?.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, member.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    // The base or interface member an override or explicit implementation means: the one of its name.
    private static ISymbol? Overridden(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration || model.GetDeclaredSymbol(declaration, cancellationToken) is not { } method)
        {
            return null;
        }

        if (declaration.ExplicitInterfaceSpecifier is { } specifier)
        {
            return model.GetTypeInfo(specifier.Name, cancellationToken).Type is INamedTypeSymbol face
                && face.GetMembers(method.Name[(method.Name.LastIndexOf('.') + 1)..]) is [var only] ? only : null;
        }

        return BaseTypes(method.ContainingType).Select(baseType => baseType.GetMembers(method.Name).Where(member => member.IsVirtual || member.IsAbstract || member.IsOverride).ToList())
            .FirstOrDefault(members => members.Count > 0) is [var single] ? single.OriginalDefinition : null;
    }

    private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }
}
