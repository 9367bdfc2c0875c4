using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>
/// The conversions a repair may rely on: identity and the implicit ones that keep every value (reference, boxing,
/// nullable, widening numeric). Never an explicit conversion, never a user-defined one, never an implicit numeric
/// conversion that rounds (<c>long</c> to <c>float</c>).
/// </summary>
internal static class LosslessConversion
{
    public static bool Exists(Compilation compilation, ITypeSymbol from, ITypeSymbol to)
    {
        if (from.TypeKind == TypeKind.Error || to.TypeKind == TypeKind.Error)
        {
            return false;
        }

        var conversion = compilation.ClassifyCommonConversion(from, to);
        return conversion.IsIdentity || (conversion.IsImplicit && !conversion.IsUserDefined && !(conversion.IsNumeric && Rounds(from, to)));
    }

    /// <summary>Whether <paramref name="from"/> fits <paramref name="to"/> exactly, with no conversion.</summary>
    public static bool IsIdentity(Compilation compilation, ITypeSymbol from, ITypeSymbol to) =>
        compilation.ClassifyCommonConversion(from, to).IsIdentity;

    // Integers wider than the float's mantissa lose digits on the way.
    private static bool Rounds(ITypeSymbol from, ITypeSymbol to) =>
        (to.SpecialType, from.SpecialType) switch
        {
            (SpecialType.System_Single, SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64) => true,
            (SpecialType.System_Double, SpecialType.System_Int64 or SpecialType.System_UInt64) => true,
            _ => false,
        };
}
