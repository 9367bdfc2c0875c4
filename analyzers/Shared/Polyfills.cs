namespace CodeLlama.Refactor;

/// <summary>The few .NET Core string and LINQ members Core's shared source uses that netstandard2.0 lacks.</summary>
internal static class Polyfills
{
    public static bool EndsWith(this string text, char value) => text.Length > 0 && text[text.Length - 1] == value;

    public static string Replace(this string text, string oldValue, string newValue, StringComparison comparison) =>
        comparison == StringComparison.Ordinal
            ? text.Replace(oldValue, newValue)
            : throw new NotSupportedException("Only ordinal replacement is polyfilled.");

    public static HashSet<T> ToHashSet<T>(this IEnumerable<T> source, IEqualityComparer<T>? comparer = null) => new(source, comparer);
}
