using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>
/// Finds the capabilities a syntax tree uses, by symbol: every name, object creation and attribute is bound through
/// the semantic model and looked up in <see cref="CapabilityTable"/>; <c>extern</c>, <c>unsafe</c> and function
/// pointers are found in the syntax itself.
/// </summary>
public static class CapabilityScanner
{
    /// <summary>The capabilities <paramref name="root"/> uses, each with the member it is in.</summary>
    /// <param name="root">A syntax tree's root.</param>
    /// <param name="model">The semantic model of that tree.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>Every use, in source order, and the names that bind to nothing.</returns>
    public static CapabilityScan Scan(SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        var uses = new List<CapabilityUse>();
        var unbound = new List<UnboundName>();
        foreach (var node in root.DescendantNodesAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case BaseObjectCreationExpressionSyntax or AttributeSyntax:
                    AddSymbol(uses, unbound, node, model, cancellationToken);
                    break;
                case SimpleNameSyntax name when !IsPartOfCreationOrAttribute(name) && !IsInNameOf(name):
                    AddSymbol(uses, unbound, name, model, cancellationToken);
                    break;
                case UnsafeStatementSyntax:
                    uses.Add(Syntax(node, model, "unsafe", "unsafe code"));
                    break;
                case FunctionPointerTypeSyntax:
                    uses.Add(Syntax(node, model, "delegate*", "function pointer"));
                    break;
                case MemberDeclarationSyntax or LocalFunctionStatementSyntax:
                    AddModifiers(uses, node, model);
                    break;
            }
        }

        return new CapabilityScan(uses, unbound);
    }

    private static void AddModifiers(List<CapabilityUse> uses, SyntaxNode node, SemanticModel model)
    {
        var modifiers = node switch
        {
            MemberDeclarationSyntax member => member.Modifiers,
            LocalFunctionStatementSyntax local => local.Modifiers,
            _ => default,
        };
        if (modifiers.Any(SyntaxKind.ExternKeyword))
        {
            uses.Add(Syntax(node, model, "extern", "P/Invoke"));
        }

        if (modifiers.Any(SyntaxKind.UnsafeKeyword))
        {
            uses.Add(Syntax(node, model, "unsafe", "unsafe code"));
        }
    }

    private static void AddSymbol(List<CapabilityUse> uses, List<UnboundName> unbound, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var info = model.GetSymbolInfo(node, cancellationToken);
        // Code that does not compile yet still names what it means to call: its candidates count, and a name that binds
        // to nothing is kept, so that repairing a call does not look like adding it.
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null);
        if (symbol is null && WrittenName(node) is { } written)
        {
            unbound.Add(new UnboundName(MemberOf(node, model), written));
        }

        if (symbol is null or ITypeSymbol or INamespaceSymbol || symbol.ContainingType is not { } type)
        {
            return;
        }

        var member = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } ? ".ctor" : symbol.Name;
        foreach (var declaring in DeclaringTypes(symbol, type))
        {
            var typeName = FullName(declaring);
            foreach (var rule in CapabilityTable.Rules)
            {
                if (rule.Matches(typeName, member) && Holds(rule.When, node, symbol, model, cancellationToken))
                {
                    var label = member == ".ctor" ? "new " + typeName : typeName + "." + member;
                    uses.Add(new CapabilityUse(rule.Capability, label, rule.What, MemberOf(node, model)));
                    return;
                }
            }
        }
    }

    // An override binds to the type that overrides; the rule names the type that declared the member first.
    private static IEnumerable<INamedTypeSymbol> DeclaringTypes(ISymbol symbol, INamedTypeSymbol type)
    {
        yield return type.OriginalDefinition;
        for (var method = (symbol as IMethodSymbol)?.OverriddenMethod; method is not null; method = method.OverriddenMethod)
        {
            yield return method.ContainingType.OriginalDefinition;
        }
    }

    private static bool Holds(UseCondition condition, SyntaxNode node, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
    {
        if (condition == UseCondition.Always)
        {
            return true;
        }

        // A method group passed along is judged as its worst use.
        var call = node is SimpleNameSyntax ? InvocationOf(node) : node;
        var arguments = call is null ? default : model.GetOperation(call, cancellationToken) switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => default,
        };
        if (arguments.IsDefault)
        {
            return true;
        }

        return condition switch
        {
            UseCondition.TakesPath => symbol is IMethodSymbol { Parameters: [{ Type.SpecialType: SpecialType.System_String }, ..] },
            UseCondition.TakesTypeName => symbol is IMethodSymbol method && method.Parameters.Any(parameter => parameter.Type.SpecialType == SpecialType.System_String),
            _ => OpensForWriting(symbol, arguments),
        };
    }

    // Only an explicit FileMode.Open with FileAccess.Read is known to be read-only: FileStream(path, FileMode.Open)
    // opens for reading and writing, and a mode or access computed at run time may be anything.
    private static bool OpensForWriting(ISymbol symbol, IEnumerable<IArgumentOperation> arguments)
    {
        // A stream over a handle the code already holds opens nothing.
        if (symbol is IMethodSymbol { Parameters: [{ Type.Name: "SafeFileHandle" or "IntPtr" }, ..] })
        {
            return false;
        }

        object? mode = null;
        object? access = null;
        foreach (var argument in arguments)
        {
            switch (argument.Parameter?.Type.Name)
            {
                case "FileMode":
                    mode = argument.Value.ConstantValue.HasValue ? argument.Value.ConstantValue.Value : "unknown";
                    break;
                case "FileAccess":
                    access = argument.Value.ConstantValue.HasValue ? argument.Value.ConstantValue.Value : "unknown";
                    break;
                case "FileStreamOptions":
                    return true;
            }
        }

        const int open = 3;
        const int read = 1;
        return !(mode is open && access is read);
    }

    private static SyntaxNode? InvocationOf(SyntaxNode name)
    {
        var expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        return expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression ? invocation : null;
    }

    private static string? WrittenName(SyntaxNode node) => node switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        ObjectCreationExpressionSyntax { Type: var type } => type.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().LastOrDefault()?.Identifier.ValueText,
        AttributeSyntax { Name: var name } => name.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().LastOrDefault()?.Identifier.ValueText,
        _ => null,
    };

    private static bool IsPartOfCreationOrAttribute(SyntaxNode name)
    {
        for (var node = name.Parent; node is NameSyntax or TypeArgumentListSyntax or AliasQualifiedNameSyntax; node = node.Parent)
        {
            if (node.Parent is BaseObjectCreationExpressionSyntax or AttributeSyntax)
            {
                return true;
            }
        }

        return name.Parent is BaseObjectCreationExpressionSyntax or AttributeSyntax;
    }

    private static bool IsInNameOf(SyntaxNode name) =>
        name.Ancestors().OfType<InvocationExpressionSyntax>().Any(invocation =>
            invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" } && invocation.ArgumentList.Span.Contains(name.Span));

    private static CapabilityUse Syntax(SyntaxNode node, SemanticModel model, string symbol, string what) =>
        new(Capability.Native, symbol, what, MemberOf(node, model));

    // Uses are compared member by member: the same call moved into another member is a new use there.
    private static string MemberOf(SyntaxNode node, SemanticModel model)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            var declared = ancestor switch
            {
                BaseFieldDeclarationSyntax field when field.Declaration.Variables.Count > 0 => model.GetDeclaredSymbol(field.Declaration.Variables[0]),
                GlobalStatementSyntax => null,
                MemberDeclarationSyntax => model.GetDeclaredSymbol(ancestor),
                _ => null,
            };
            if (declared is not null && declared is not INamespaceSymbol)
            {
                return declared.ToDisplayString();
            }
        }

        return "<top level>";
    }

    private static string FullName(INamedTypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            return FullName(outer) + "." + type.MetadataName;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;
    }
}
