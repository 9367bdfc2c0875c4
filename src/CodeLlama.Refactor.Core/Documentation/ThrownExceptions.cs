using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// The exception types a member throws, with the plain conditions it throws them on: <c>throw new X(…)</c> and
/// <c>throw e ?? new X(…)</c> under <c>if</c>s, <c>?? throw</c>, throw expressions in switches and conditionals, the
/// <c>X.ThrowIf…(argument)</c> helpers, calls of the project's own <c>Throw…</c> helpers whose body is one throw (under
/// the ifs around the call), and the exceptions of the project's own methods that the body calls unconditionally.
/// </summary>
public static class ThrownExceptions
{
    // How deep calls into the project's own helpers are followed (a guard that calls a guard that calls a guard).
    private const int MaxHelperDepth = 3;

    /// <summary>Finds the exception types thrown in <paramref name="declaration"/>, first occurrence first.</summary>
    /// <param name="declaration">A member declaration.</param>
    /// <param name="model">The semantic model of its tree.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>Each thrown type once, with when it is thrown.</returns>
    public static IReadOnlyList<(INamedTypeSymbol Type, ThrowSite Site)> Find(
        SyntaxNode declaration, SemanticModel model, CancellationToken cancellationToken) =>
        Found.GetValue(declaration, _ => Merge(Raw(declaration, model, MaxHelperDepth, cancellationToken)));

    // The plan and the summary both ask; a declaration node belongs to one tree, so its answer does not change.
    private static readonly ConditionalWeakTable<SyntaxNode, IReadOnlyList<(INamedTypeSymbol Type, ThrowSite Site)>> Found = new();

    private sealed record Thrown(INamedTypeSymbol Type, List<List<ThrowCondition>>? Conditions, ThrowCondition? Fallback);

    private static List<Thrown> Raw(SyntaxNode declaration, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        var found = new List<Thrown>();
        foreach (var node in declaration.DescendantNodes(descendIntoChildren: child => child is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)))
        {
            switch (node)
            {
                case ThrowStatementSyntax { Expression: { } thrown } statement when Created(thrown, model, cancellationToken) is { } creation:
                    found.Add(new Thrown(creation.Type, Enclosing(statement, declaration, model), Fallback(creation.Creation, model)));
                    break;
                case ThrowExpressionSyntax expression when Created(expression.Expression, model, cancellationToken) is { } creation:
                    found.Add(new Thrown(creation.Type, OfThrowExpression(expression, declaration, model), Fallback(creation.Creation, model)));
                    break;
                case InvocationExpressionSyntax invocation:
                    found.AddRange(FromCall(invocation, declaration, model, depth, cancellationToken));
                    break;
            }
        }

        return found;
    }

    private static IReadOnlyList<(INamedTypeSymbol Type, ThrowSite Site)> Merge(List<Thrown> raw) =>
        raw.GroupBy(thrown => thrown.Type, SymbolEqualityComparer.Default)
            .Select(group =>
            {
                var type = (INamedTypeSymbol)group.Key!;
                var fallbacks = group.Select(thrown => thrown.Fallback).Distinct().ToList();
                var fallback = fallbacks is [{ } only] ? only : null;
                if (group.Any(thrown => thrown.Conditions is null))
                {
                    return (type, new ThrowSite(null, fallback));
                }

                // A site whose clauses include all of another's adds nothing to it: (a and b) or a is a.
                var sites = group.Select(thrown => thrown.Conditions!).ToList();
                var kept = sites.Where((site, index) => !sites.Where((other, otherIndex) => otherIndex != index
                        && other.All(clause => site.Any(mine => mine.SequenceEqual(clause)))
                        && (other.Count < site.Count || otherIndex < index))
                    .Any())
                    .Select(site => (IReadOnlyList<IReadOnlyList<ThrowCondition>>)site.Select(clause => (IReadOnlyList<ThrowCondition>)clause).ToList())
                    .ToList();
                return (type, new ThrowSite(kept, fallback));
            })
            .ToList();

    private static (INamedTypeSymbol Type, BaseObjectCreationExpressionSyntax? Creation)? Created(
        ExpressionSyntax thrown, SemanticModel model, CancellationToken cancellationToken)
    {
        var creation = thrown switch
        {
            BaseObjectCreationExpressionSyntax direct => direct,
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Right: BaseObjectCreationExpressionSyntax right } => right,
            _ => null,
        };
        return creation is not null && model.GetTypeInfo(creation, cancellationToken).Type is INamedTypeSymbol type && IsException(type)
            ? (type, creation)
            : null;
    }

    // The ifs around a throw statement, up to the member's body; null when something else (a loop, a switch) decides.
    private static List<List<ThrowCondition>>? Enclosing(SyntaxNode statement, SyntaxNode declaration, SemanticModel model)
    {
        var clauses = new List<List<ThrowCondition>>();
        for (var (child, parent) = (statement, statement.Parent); parent is not null && parent != declaration; (child, parent) = (parent, parent.Parent))
        {
            switch (parent)
            {
                case BlockSyntax block:
                    // A statement before the throw that may leave the member makes the throw conditional on it.
                    if (Skipped(block, child, model) is not { } before)
                    {
                        return null;
                    }

                    clauses.AddRange(before);
                    continue;
                case UsingStatementSyntax or LockStatementSyntax or CheckedStatementSyntax or UnsafeStatementSyntax:
                    continue;
                case IfStatementSyntax @if when child == @if.Statement:
                    if (ConditionReader.Read(@if.Condition, negate: false, model) is not { } when)
                    {
                        return null;
                    }

                    clauses.AddRange(when);
                    continue;
                case ElseClauseSyntax { Parent: IfStatementSyntax @else }:
                    if (ConditionReader.Read(@else.Condition, negate: true, model) is not { } otherwise)
                    {
                        return null;
                    }

                    clauses.AddRange(otherwise);
                    (child, parent) = (parent, @else);
                    continue;
                case SwitchSectionSyntax { Labels: [DefaultSwitchLabelSyntax], Parent: SwitchStatementSyntax { Expression: var governing } }
                    when ConditionReader.Parameter(governing, model) is { } name:
                    clauses.Add([new ThrowCondition(name, "is not one of the values handled")]);
                    return IsBody(parent.Parent!.Parent, declaration) ? clauses : null;
                default:
                    return IsBody(parent, declaration) ? clauses : null;
            }
        }

        return clauses;
    }

    // What must hold for the statements of the block before the throw not to leave the member: nothing when none of
    // them can (empty), "not c" for an `if (c) return …;`, and null (not plain) for any other statement that may leave.
    private static List<List<ThrowCondition>>? Skipped(BlockSyntax block, SyntaxNode child, SemanticModel model)
    {
        var clauses = new List<List<ThrowCondition>>();
        foreach (var before in block.Statements.TakeWhile(statement => statement != child))
        {
            if (!MayLeave(before))
            {
                continue;
            }

            if (before is not IfStatementSyntax { Else: null } @if || MayLeave(@if.Condition) || !AlwaysLeaves(@if.Statement)
                || ConditionReader.Read(@if.Condition, negate: true, model) is not { } otherwise)
            {
                return null;
            }

            clauses.AddRange(otherwise);
        }

        return clauses;
    }

    private static bool MayLeave(SyntaxNode node) =>
        node.DescendantNodesAndSelf(descendIntoChildren: child => child is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax))
            .Any(inner => inner is ReturnStatementSyntax or GotoStatementSyntax or YieldStatementSyntax { RawKind: (int)SyntaxKind.YieldBreakStatement });

    // A return, or a block whose only way out is its last statement, a return.
    private static bool AlwaysLeaves(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax => true,
        BlockSyntax { Statements: [.., ReturnStatementSyntax] } block => !block.Statements.Take(block.Statements.Count - 1).Any(MayLeave),
        _ => false,
    };

    private static bool IsBody(SyntaxNode? node, SyntaxNode declaration) =>
        node == declaration || node is AccessorDeclarationSyntax or AccessorListSyntax or ArrowExpressionClauseSyntax
            || node?.Parent == declaration && node is BlockSyntax;

    private static List<List<ThrowCondition>>? OfThrowExpression(ThrowExpressionSyntax expression, SyntaxNode declaration, SemanticModel model)
    {
        List<List<ThrowCondition>>? own = expression.Parent switch
        {
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce when coalesce.Right == expression =>
                ConditionReader.Parameter(coalesce.Left, model) is { } name ? [[new ThrowCondition(name, "is null")]] : null,
            ConditionalExpressionSyntax conditional =>
                ConditionReader.Read(conditional.Condition, negate: conditional.WhenFalse == expression, model),
            SwitchExpressionArmSyntax { Pattern: DiscardPatternSyntax, Parent: SwitchExpressionSyntax @switch } =>
                ConditionReader.Parameter(@switch.GoverningExpression, model) is { } name
                    ? [[new ThrowCondition(name, "is not one of the values handled")]]
                    : null,
            ArrowExpressionClauseSyntax => [],
            _ => null,
        };
        if (own is null)
        {
            return null;
        }

        // The statement holding the expression may itself sit under ifs; an expression body has none.
        return expression.FirstAncestorOrSelf<StatementSyntax>() is { } statement
            ? Enclosing(statement, declaration, model) is { } around ? [.. around, .. own] : null
            : own;
    }

    // The thrown expression of a method whose whole body is one throw: a throw helper (=> throw new X(…)).
    private static ExpressionSyntax? OnlyThrow(SyntaxNode helper) => helper switch
    {
        MethodDeclarationSyntax { ExpressionBody.Expression: ThrowExpressionSyntax expression } => expression.Expression,
        MethodDeclarationSyntax { Body.Statements: [ThrowStatementSyntax { Expression: { } thrown }] } => thrown,
        _ => null,
    };

    // A throw helper's new ArgumentNullException(paramName), called with nameof(source): source is null.
    private static ThrowCondition? PassedName(
        BaseObjectCreationExpressionSyntax? creation, SemanticModel helperModel, IInvocationOperation call, SemanticModel model)
    {
        if (creation is null || ArgumentNamed(creation, helperModel) is not ({ } predicate, { } argument))
        {
            return null;
        }

        if (helperModel.GetSymbolInfo(argument).Symbol is not IParameterSymbol parameter
            || call.Arguments.FirstOrDefault(passed => passed.Parameter?.Ordinal == parameter.Ordinal)?.Syntax is not ArgumentSyntax { Expression: var passed })
        {
            return null;
        }

        return passed is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: [var inner] }
            && ConditionReader.Parameter(inner.Expression, model) is { } name
                ? new ThrowCondition(name, predicate)
                : null;
    }

    // What an argument exception's arguments say: its predicate, and the argument that names the parameter.
    private static (string? Predicate, ExpressionSyntax? Argument) ArgumentNamed(BaseObjectCreationExpressionSyntax creation, SemanticModel model)
    {
        if (creation.ArgumentList is not { } arguments || model.GetTypeInfo(creation).Type is not INamedTypeSymbol type)
        {
            return (null, null);
        }

        var (predicate, position) = type.Name switch
        {
            "ArgumentNullException" => ("is null", 0),
            "ArgumentOutOfRangeException" => ("is outside the allowed range", 0),
            "ArgumentException" => ("is not valid", 1),
            _ => (null, -1),
        };
        return predicate is null || arguments.Arguments.Count <= position ? (null, null) : (predicate, arguments.Arguments[position].Expression);
    }

    // new ArgumentNullException(nameof(source)) says which parameter is null even where the condition is not plain.
    private static ThrowCondition? Fallback(BaseObjectCreationExpressionSyntax? creation, SemanticModel model)
    {
        if (creation is null || ArgumentNamed(creation, model) is not ({ } predicate, { } argument))
        {
            return null;
        }

        var named = argument switch
        {
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: [var inner] } =>
                ConditionReader.Parameter(inner.Expression, model),
            LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal =>
                model.GetEnclosingSymbol(creation.SpanStart) is IMethodSymbol method
                    && method.Parameters.Any(parameter => parameter.Name == literal.Token.ValueText) ? literal.Token.ValueText : null,
            _ => null,
        };
        return named is null ? null : new ThrowCondition(named, predicate);
    }

    private static IEnumerable<Thrown> FromCall(
        InvocationExpressionSyntax invocation, SyntaxNode declaration, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        // Syntax first: binding a body to ask about every call in it is what would make doc as slow as a build.
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };
        var isThrowHelper = name.StartsWith("ThrowIf", StringComparison.Ordinal);
        // ThrowHelper.ThrowNotFound(value) under an if is a throw under that if: a project method whose body is one throw.
        var mayBeOwnThrower = !isThrowHelper && depth > 0 && name.StartsWith("Throw", StringComparison.Ordinal)
            && invocation.Parent is ExpressionStatementSyntax && SourceMethodNames(model.Compilation).Contains(name);
        if (!isThrowHelper && !mayBeOwnThrower && (depth == 0 || !Unconditional(invocation, declaration) || !SourceMethodNames(model.Compilation).Contains(name)))
        {
            return [];
        }

        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation { TargetMethod: var target } operation)
        {
            return [];
        }

        if (target is { IsStatic: true, ContainingType: { } owner } && target.Name.StartsWith("ThrowIf", StringComparison.Ordinal) && IsException(owner))
        {
            var condition = HelperCondition(target.Name, operation);
            var around = invocation.Parent switch
            {
                ExpressionStatementSyntax statement => Enclosing(statement, declaration, model),
                ArrowExpressionClauseSyntax => [],
                _ => null,
            };
            return [new Thrown(owner, condition is null || around is null ? null : [.. around, [condition]], null)];
        }

        if (depth == 0 || !SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, model.Compilation.Assembly)
            || target.OriginalDefinition.DeclaringSyntaxReferences is not [var reference])
        {
            return [];
        }

        var helper = reference.GetSyntax(cancellationToken);
        var helperModel = helper.SyntaxTree == model.SyntaxTree ? model : ModelOf(model.Compilation, helper.SyntaxTree);
        if (mayBeOwnThrower && OnlyThrow(helper) is { } only && Created(only, helperModel, cancellationToken) is { } created)
        {
            return [new Thrown(created.Type, Enclosing(invocation.Parent!, declaration, model), PassedName(created.Creation, helperModel, operation, model))];
        }

        // The project's own helper, called by a statement the body always runs: what it throws, this member throws.
        if (!Unconditional(invocation, declaration))
        {
            return [];
        }

        var names = operation.Arguments.Where(argument => argument.Parameter is not null).ToDictionary(
            argument => argument.Parameter!.Name,
            argument => Unwrapped(argument.Value) is IParameterReferenceOperation reference ? reference.Parameter.Name : null);
        string? Rename(string name) => names.TryGetValue(name, out var mine) ? mine : null;
        // Only what can be said of the caller's own arguments: a helper that throws when its factory is null, called with
        // a lambda, never throws that here.
        // A throw the helper makes on a condition that is not plain and names no argument (a lookup that found nothing)
        // may happen for any caller: it stays, with the exception's own text.
        return HelperRaw(helper, helperModel, depth - 1, cancellationToken)
            .Select(thrown => (Unknown: thrown is { Conditions: null, Fallback: null }, Renamed: new Thrown(
                thrown.Type,
                thrown.Conditions is null ? null : RenameAll(thrown.Conditions, Rename),
                thrown.Fallback?.Renamed(Rename))))
            .Where(pair => pair.Unknown || pair.Renamed.Conditions is not null || pair.Renamed.Fallback is not null)
            .Select(pair => pair.Renamed)
            .ToList();
    }

    // A helper is called by many members: what it throws is found once per compilation and depth, and its tree is bound
    // by one semantic model, which keeps what it has bound (a fresh model per call would bind the helper's body again
    // each time). Keyed by compilation as well as node: a tree may be shared by the compilations of linked files, and
    // the types found must be those of the caller's compilation.
    private static List<Thrown> HelperRaw(SyntaxNode helper, SemanticModel helperModel, int depth, CancellationToken cancellationToken) =>
        HelperFound.GetValue(helperModel.Compilation, _ => new ConcurrentDictionary<(SyntaxNode Helper, int Depth), List<Thrown>>())
            .GetOrAdd((helper, depth), key => Raw(key.Helper, helperModel, key.Depth, cancellationToken));

    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<(SyntaxNode Helper, int Depth), List<Thrown>>> HelperFound = new();

    private static SemanticModel ModelOf(Compilation compilation, SyntaxTree tree) =>
        Models.GetValue(compilation, _ => new ConcurrentDictionary<SyntaxTree, SemanticModel>())
            .GetOrAdd(tree, key => compilation.GetSemanticModel(key));

    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<SyntaxTree, SemanticModel>> Models = new();

    // The names of the methods the project declares: only a call by one of them can be a call to the project's helper.
    private static HashSet<string> SourceMethodNames(Compilation compilation) => MethodNames.GetValue(compilation, _ =>
        compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            .OfType<MethodDeclarationSyntax>()
            .Select(method => method.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal));

    private static readonly ConditionalWeakTable<Compilation, HashSet<string>> MethodNames = new();

    private static List<List<ThrowCondition>>? RenameAll(List<List<ThrowCondition>> clauses, Func<string, string?> rename)
    {
        var renamed = clauses.Select(clause => clause.Select(condition => condition.Renamed(rename)).ToList()).ToList();
        return renamed.Any(clause => clause.Any(condition => condition is null))
            ? null
            : renamed.Select(clause => clause.Select(condition => condition!).ToList()).ToList();
    }

    // A statement directly in the body (or the expression body itself), before any return.
    private static bool Unconditional(InvocationExpressionSyntax invocation, SyntaxNode declaration)
    {
        var statement = invocation.Parent switch
        {
            ExpressionStatementSyntax expression => (SyntaxNode)expression,
            ReturnStatementSyntax @return => @return,
            ArrowExpressionClauseSyntax arrow => arrow,
            _ => null,
        };
        return statement is ArrowExpressionClauseSyntax { Parent: var owner } ? owner == declaration || owner?.Parent?.Parent == declaration
            : statement?.Parent is BlockSyntax { Parent: var body } && (body == declaration || body is AccessorDeclarationSyntax)
                && !((BlockSyntax)statement.Parent).Statements.TakeWhile(before => before != statement).Any(before => before is ReturnStatementSyntax or IfStatementSyntax { Statement: ReturnStatementSyntax });
    }

    private static ThrowCondition? HelperCondition(string name, IInvocationOperation operation)
    {
        string? Argument(int index) => operation.Arguments.Length > index && Unwrapped(operation.Arguments[index].Value) is IParameterReferenceOperation reference
            ? reference.Parameter.Name
            : null;
        var (predicate, takesOperand) = name switch
        {
            "ThrowIfNull" => ("is null", false),
            "ThrowIfNullOrEmpty" => ("is null or empty", false),
            "ThrowIfNullOrWhiteSpace" => ("is null, empty, or consists only of white-space characters", false),
            "ThrowIfNegative" => ("is negative", false),
            "ThrowIfZero" => ("is zero", false),
            "ThrowIfNegativeOrZero" => ("is negative or zero", false),
            "ThrowIfGreaterThan" => ("is greater than", true),
            "ThrowIfGreaterThanOrEqual" => ("is greater than or equal to", true),
            "ThrowIfLessThan" => ("is less than", true),
            "ThrowIfLessThanOrEqual" => ("is less than or equal to", true),
            "ThrowIfEqual" => ("is equal to", true),
            "ThrowIfNotEqual" => ("is not equal to", true),
            _ => (null, false),
        };
        if (name == "ThrowIf" && operation.TargetMethod.ContainingType.Name == "ObjectDisposedException")
        {
            return new ThrowCondition(null, "this instance has been disposed");
        }

        if (predicate is null || Argument(0) is not { } subject)
        {
            return null;
        }

        if (!takesOperand)
        {
            return new ThrowCondition(subject, predicate);
        }

        return Argument(1) is { } other ? new ThrowCondition(subject, predicate, other, OperandIsParameter: true)
            : operation.Arguments.Length > 1 && operation.Arguments[1].Syntax is ArgumentSyntax { Expression: LiteralExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax } operand
                ? new ThrowCondition(subject, predicate, operand.Expression.ToString())
                : null;
    }

    private static IOperation Unwrapped(IOperation value) => value is IConversionOperation { IsImplicit: true } conversion ? Unwrapped(conversion.Operand) : value;

    private static bool IsException(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Exception", ContainingNamespace.Name: "System", ContainingNamespace.ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }
}
