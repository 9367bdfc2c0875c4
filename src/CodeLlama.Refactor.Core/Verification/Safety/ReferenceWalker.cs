using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>One thing a piece of code references: a symbol it binds (explicitly or implicitly), or a construct refused by its syntax.</summary>
/// <param name="Symbol">The symbol, or null for a construct.</param>
/// <param name="Construct">The refused construct (e.g. <c>unsafe</c>), with <see cref="Kind"/>.</param>
/// <param name="Kind">Why the construct is refused.</param>
internal readonly record struct Reference(ISymbol? Symbol, string? Construct = null, RefusalKind Kind = RefusalKind.NotAllowed);

/// <summary>
/// Lists every symbol a syntax node references, in source order: names bound by the semantic model, and what the
/// operations bind implicitly (constructors, user-defined operators and conversions, <c>GetEnumerator</c>/<c>Dispose</c>,
/// <c>Deconstruct</c>, awaiters, interpolated-string handlers, collection builders, the types of every value), plus
/// the constructs refused by their syntax (<c>unsafe</c>, <c>extern</c>, pointers).
/// </summary>
internal static class ReferenceWalker
{
    public static List<Reference> Walk(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var found = new List<Reference>();
        var seen = new HashSet<IOperation>();
        var nameOfSpans = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
        foreach (var current in node.DescendantNodesAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (nameOfSpans.Any(span => span.Contains(current.Span)))
            {
                continue;
            }

            AddSyntax(found, current);
            switch (current)
            {
                case SimpleNameSyntax:
                    AddSymbolInfo(found, model.GetSymbolInfo(current, cancellationToken));
                    break;
                case CommonForEachStatementSyntax loop when model.GetForEachStatementInfo(loop) is var info:
                    Add(found, info.GetEnumeratorMethod, info.MoveNextMethod, info.CurrentProperty, info.DisposeMethod, info.ElementConversion.MethodSymbol, info.CurrentConversion.MethodSymbol);
                    break;
                case ForEachVariableStatementSyntax deconstructing:
                    AddDeconstruction(found, model.GetDeconstructionInfo(deconstructing));
                    break;
                case AwaitExpressionSyntax awaited when model.GetAwaitExpressionInfo(awaited) is var info:
                    Add(found, info.GetAwaiterMethod, info.IsCompletedProperty, info.GetResultMethod);
                    break;
            }

            var operation = model.GetOperation(current, cancellationToken);
            if (operation is INameOfOperation)
            {
                // nameof only names: nothing runs. A method the code calls nameof binds as an invocation instead.
                nameOfSpans.Add(current.Span);
                continue;
            }

            if (operation is not null)
            {
                AddOperationTree(found, operation, seen, model);
            }
        }

        return found;
    }

    // Every operation under a syntax node once, leaving out what nameof only names.
    private static void AddOperationTree(List<Reference> found, IOperation operation, HashSet<IOperation> seen, SemanticModel model)
    {
        if (operation is INameOfOperation || !seen.Add(operation))
        {
            return;
        }

        AddOperation(found, operation, model);
        foreach (var child in operation.ChildOperations)
        {
            AddOperationTree(found, child, seen, model);
        }
    }

    private static void AddSyntax(List<Reference> found, SyntaxNode node)
    {
        switch (node)
        {
            case UnsafeStatementSyntax or FixedStatementSyntax:
                found.Add(new Reference(null, "unsafe", RefusalKind.Native));
                break;
            case FunctionPointerTypeSyntax:
                found.Add(new Reference(null, "delegate*", RefusalKind.Native));
                break;
            case PointerTypeSyntax:
                found.Add(new Reference(null, node.ToString(), RefusalKind.Native));
                break;
            case MemberDeclarationSyntax member when member.Modifiers.Any(SyntaxKind.ExternKeyword) || member.Modifiers.Any(SyntaxKind.UnsafeKeyword):
                found.Add(new Reference(null, member.Modifiers.Any(SyntaxKind.ExternKeyword) ? "extern" : "unsafe", RefusalKind.Native));
                break;
            case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.ExternKeyword) || local.Modifiers.Any(SyntaxKind.UnsafeKeyword):
                found.Add(new Reference(null, local.Modifiers.Any(SyntaxKind.ExternKeyword) ? "extern" : "unsafe", RefusalKind.Native));
                break;
        }
    }

    private static void AddOperation(List<Reference> found, IOperation operation, SemanticModel model)
    {
        if (operation.Type is { } type)
        {
            found.Add(new Reference(type));
        }

        switch (operation)
        {
            case IInvocationOperation invocation:
                Add(found, invocation.TargetMethod);
                break;
            case IObjectCreationOperation creation:
                Add(found, creation.Constructor);
                break;
            case IMemberReferenceOperation reference:
                Add(found, reference.Member);
                break;
            case IConversionOperation conversion:
                Add(found, conversion.OperatorMethod);
                break;
            case IBinaryOperation binary:
                Add(found, binary.OperatorMethod);
                break;
            case IUnaryOperation unary:
                Add(found, unary.OperatorMethod);
                break;
            case IIncrementOrDecrementOperation step:
                Add(found, step.OperatorMethod);
                break;
            case ICompoundAssignmentOperation compound:
                Add(found, compound.OperatorMethod, compound.InConversion.MethodSymbol, compound.OutConversion.MethodSymbol);
                break;
            case IDeconstructionAssignmentOperation { Syntax: AssignmentExpressionSyntax assignment }:
                AddDeconstruction(found, model.GetDeconstructionInfo(assignment));
                break;
            case IRecursivePatternOperation pattern:
                Add(found, pattern.DeconstructSymbol);
                found.Add(new Reference(pattern.MatchedType));
                break;
            case IDeclarationPatternOperation declaration when declaration.MatchedType is { } matched:
                found.Add(new Reference(matched));
                break;
            case ITypePatternOperation typePattern:
                found.Add(new Reference(typePattern.MatchedType));
                break;
            case ITypeOfOperation typeOf:
                found.Add(new Reference(typeOf.TypeOperand));
                break;
            case ISizeOfOperation sizeOf:
                found.Add(new Reference(sizeOf.TypeOperand));
                break;
            case IWithOperation with:
                Add(found, with.CloneMethod);
                break;
            case ICollectionExpressionOperation collection:
                Add(found, collection.ConstructMethod);
                break;
            case IImplicitIndexerReferenceOperation indexer:
                Add(found, indexer.IndexerSymbol, indexer.LengthSymbol);
                break;
            case IUsingOperation or IUsingDeclarationOperation:
                // The resource's Dispose runs: its type is listed by the value, and a solution type is judged with its Dispose.
                break;
            case IDynamicInvocationOperation or IDynamicMemberReferenceOperation or IDynamicObjectCreationOperation or IDynamicIndexerAccessOperation:
                found.Add(new Reference(null, "dynamic", RefusalKind.Dynamic));
                break;
            case IFunctionPointerInvocationOperation or IAddressOfOperation:
                found.Add(new Reference(null, operation.Syntax.ToString(), RefusalKind.Native));
                break;
        }
    }

    private static void AddDeconstruction(List<Reference> found, DeconstructionInfo info)
    {
        Add(found, info.Method, info.Conversion?.MethodSymbol);
        foreach (var nested in info.Nested)
        {
            AddDeconstruction(found, nested);
        }
    }

    private static void AddSymbolInfo(List<Reference> found, SymbolInfo info)
    {
        if (info.Symbol is { } symbol)
        {
            found.Add(new Reference(symbol));
            return;
        }

        // Code that does not bind yet still names what it means to use: every candidate counts.
        foreach (var candidate in info.CandidateSymbols)
        {
            found.Add(new Reference(candidate));
        }
    }

    private static void Add(List<Reference> found, params ISymbol?[] symbols)
    {
        foreach (var symbol in symbols)
        {
            if (symbol is not null)
            {
                found.Add(new Reference(symbol));
            }
        }
    }
}
