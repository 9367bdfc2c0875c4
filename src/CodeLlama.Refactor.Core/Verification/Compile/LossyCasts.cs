using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// An explicit cast that narrows or loses information (<c>(int)</c> on a decimal, <c>(float)</c> on a double,
/// <c>(int)</c> on a long) compiles and silences a type error, but changes what the code computes: never a fix. Lossy
/// here means an explicit conversion the semantic model classifies as numeric, enumeration or user-defined (each of
/// them nullable too); a downcast (explicit reference or unboxing conversion) loses nothing and is left to the tests.
/// A constant that the target type holds exactly, <c>(byte)1</c>, is not lossy. A cast the code already wrote around an
/// operand that did not compile (<c>(int)Math.Ceiling(length / GAURD)</c>) is the author's, not added by repairing the
/// operand: it covers one lossy cast to the same written type after the edit.
/// </summary>
internal static class LossyCasts
{
    /// <summary>The lossy casts of <paramref name="after"/> beyond those of <paramref name="before"/>, as "from → to".</summary>
    public static async Task<IReadOnlyList<string>> AddedAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var (lossyBefore, unresolvedBefore) = await FindAsync(before, cancellationToken).ConfigureAwait(false);
        var had = lossyBefore.CountBy(cast => cast.Text).ToDictionary();
        var written = unresolvedBefore.CountBy(type => type).ToDictionary();
        var added = new List<string>();
        foreach (var cast in (await FindAsync(after, cancellationToken).ConfigureAwait(false)).Lossy)
        {
            if (had.GetValueOrDefault(cast.Text) > 0)
            {
                had[cast.Text]--;
            }
            else if (written.GetValueOrDefault(cast.WrittenType) > 0)
            {
                written[cast.WrittenType]--;
            }
            else
            {
                added.Add(cast.Text);
            }
        }

        return added;
    }

    private sealed record LossyCast(string Text, string WrittenType);

    // The lossy casts of the document, and the written types of the casts whose operand does not compile.
    private static async Task<(IReadOnlyList<LossyCast> Lossy, IReadOnlyList<string> Unresolved)> FindAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var casts = root?.DescendantNodes().OfType<CastExpressionSyntax>().ToList() ?? [];
        if (casts.Count == 0)
        {
            return ([], []);
        }

        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var lossy = casts.Where(cast => IsLossy(model, cast, cancellationToken))
            .Select(cast => new LossyCast($"{model.GetTypeInfo(cast.Expression, cancellationToken).Type?.ToDisplayString() ?? "?"} → {cast.Type}", cast.Type.ToString()))
            .ToList();
        var unresolved = casts
            .Where(cast => model.GetDiagnostics(cast.Expression.Span, cancellationToken).Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
            .Select(cast => cast.Type.ToString())
            .ToList();
        return (lossy, unresolved);
    }

    private static bool IsLossy(SemanticModel model, CastExpressionSyntax cast, CancellationToken cancellationToken)
    {
        // The cast's own conversion, operand to the written type (GetConversion of the cast is the one applied to its result).
        if (model.GetTypeInfo(cast.Type, cancellationToken).Type is not { } type)
        {
            return false;
        }

        var conversion = model.ClassifyConversion(cast.Expression, type, isExplicitInSource: true);
        if (!conversion.Exists || conversion.IsIdentity || conversion.IsImplicit)
        {
            return false;
        }

        if (!(conversion.IsNumeric || conversion.IsEnumeration || conversion.IsUserDefined || conversion.IsNullable))
        {
            return false;
        }

        // A constant the cast keeps exactly, (byte)1 or (int)2.0, narrows nothing.
        var value = model.GetConstantValue(cast.Expression, cancellationToken);
        var converted = model.GetConstantValue(cast, cancellationToken);
        return !(value.HasValue && converted.HasValue && value.Value is IConvertible original && converted.Value is IConvertible result
            && Same(original, result));
    }

    private static bool Same(IConvertible original, IConvertible result)
    {
        try
        {
            return original.ToDecimal(System.Globalization.CultureInfo.InvariantCulture) == result.ToDecimal(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is OverflowException or InvalidCastException or FormatException)
        {
            return false;
        }
    }
}
