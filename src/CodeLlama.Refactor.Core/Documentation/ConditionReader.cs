using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Reads a condition such as <c>source is null || count &lt; 0</c> as plain conditions on parameters, in conjunctive form
/// (clauses that all hold, each a choice of conditions); null for anything it cannot say in plain words.
/// </summary>
internal static class ConditionReader
{
    /// <summary>The condition as clauses, or null when it is not plain.</summary>
    /// <param name="condition">The expression.</param>
    /// <param name="negate">True to read its negation.</param>
    /// <param name="model">The semantic model of its tree.</param>
    public static List<List<ThrowCondition>>? Read(ExpressionSyntax condition, bool negate, SemanticModel model)
    {
        switch (condition)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Read(parenthesized.Expression, negate, model);
            case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not:
                return Read(not.Operand, !negate, model);
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression } logical:
                var left = Read(logical.Left, negate, model);
                var right = Read(logical.Right, negate, model);
                if (left is null || right is null)
                {
                    return null;
                }

                // (a && b) is two clauses; (a || b) is one clause when each side is one clause.
                var conjunction = logical.IsKind(SyntaxKind.LogicalAndExpression) != negate;
                if (conjunction)
                {
                    return [.. left, .. right];
                }

                return left.Count == 1 && right.Count == 1 ? [[.. left[0], .. right[0]]] : null;
            default:
                return Leaf(condition, negate, model) is { } leaf ? [[leaf]] : null;
        }
    }

    private static ThrowCondition? Leaf(ExpressionSyntax condition, bool negate, SemanticModel model)
    {
        switch (condition)
        {
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } isNull:
                return negate ? null : Null(isNull.Expression, model);
            case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } } isNotNull:
                return negate ? Null(isNotNull.Expression, model) : null;
            case BinaryExpressionSyntax binary when Comparison(binary.Kind()) is { } kind:
                return Compare(binary, negate ? Negated(kind) : kind, model);
            case InvocationExpressionSyntax invocation when !negate:
                return Call(invocation, model);
            default:
                return null;
        }
    }

    private static ThrowCondition? Null(ExpressionSyntax value, SemanticModel model) =>
        Parameter(value, model) is { } name ? new ThrowCondition(name, "is null") : null;

    private static ThrowCondition? Compare(BinaryExpressionSyntax binary, SyntaxKind kind, SemanticModel model)
    {
        var (subject, other, op) = Parameter(binary.Left, model) is not null
            ? (binary.Left, binary.Right, kind)
            : (binary.Right, binary.Left, Flipped(kind));
        if (Parameter(subject, model) is not { } name)
        {
            // value.Length == 0 and value.Count == 0 say "is empty".
            return subject is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" or "Count", Expression: var owner }
                && op == SyntaxKind.EqualsExpression && other is LiteralExpressionSyntax { Token.ValueText: "0" }
                && Parameter(owner, model) is { } collection
                ? new ThrowCondition(collection, "is empty")
                : null;
        }

        if (other is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression })
        {
            return op switch
            {
                SyntaxKind.EqualsExpression => new ThrowCondition(name, "is null"),
                _ => null,
            };
        }

        if (other is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression, Token.ValueText: "" }
            || other is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: PredefinedTypeSyntax { Keyword.ValueText: "string" } })
        {
            return op == SyntaxKind.EqualsExpression ? new ThrowCondition(name, "is empty") : null;
        }

        var words = op switch
        {
            SyntaxKind.LessThanExpression => "is less than",
            SyntaxKind.LessThanOrEqualExpression => "is less than or equal to",
            SyntaxKind.GreaterThanExpression => "is greater than",
            SyntaxKind.GreaterThanOrEqualExpression => "is greater than or equal to",
            SyntaxKind.EqualsExpression => "is equal to",
            _ => "is not equal to",
        };
        return Parameter(other, model) is { } otherName ? new ThrowCondition(name, words, otherName, OperandIsParameter: true)
            : other is LiteralExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax
                or PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax }
                ? new ThrowCondition(name, words, other.ToString())
                : null;
    }

    private static ThrowCondition? Call(InvocationExpressionSyntax invocation, SemanticModel model)
    {
        if (invocation.ArgumentList.Arguments is not [var argument] || Parameter(argument.Expression, model) is not { } name
            || model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol { ContainingType.SpecialType: SpecialType.System_String } method)
        {
            return null;
        }

        return method.Name switch
        {
            "IsNullOrEmpty" => new ThrowCondition(name, "is null or empty"),
            "IsNullOrWhiteSpace" => new ThrowCondition(name, "is null, empty, or consists only of white-space characters"),
            _ => null,
        };
    }

    /// <summary>The parameter <paramref name="expression"/> names, or null.</summary>
    public static string? Parameter(ExpressionSyntax expression, SemanticModel model) =>
        expression is IdentifierNameSyntax && model.GetSymbolInfo(expression).Symbol is IParameterSymbol parameter ? parameter.Name : null;

    private static SyntaxKind? Comparison(SyntaxKind kind) => kind is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression
        or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.EqualsExpression
        or SyntaxKind.NotEqualsExpression
        ? kind
        : null;

    private static SyntaxKind Negated(SyntaxKind kind) => kind switch
    {
        SyntaxKind.LessThanExpression => SyntaxKind.GreaterThanOrEqualExpression,
        SyntaxKind.LessThanOrEqualExpression => SyntaxKind.GreaterThanExpression,
        SyntaxKind.GreaterThanExpression => SyntaxKind.LessThanOrEqualExpression,
        SyntaxKind.GreaterThanOrEqualExpression => SyntaxKind.LessThanExpression,
        SyntaxKind.EqualsExpression => SyntaxKind.NotEqualsExpression,
        _ => SyntaxKind.EqualsExpression,
    };

    private static SyntaxKind Flipped(SyntaxKind kind) => kind switch
    {
        SyntaxKind.LessThanExpression => SyntaxKind.GreaterThanExpression,
        SyntaxKind.LessThanOrEqualExpression => SyntaxKind.GreaterThanOrEqualExpression,
        SyntaxKind.GreaterThanExpression => SyntaxKind.LessThanExpression,
        SyntaxKind.GreaterThanOrEqualExpression => SyntaxKind.LessThanOrEqualExpression,
        _ => kind,
    };
}
