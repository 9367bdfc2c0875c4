namespace CodeLlama.Refactor.Server;

/// <summary>
/// How many tokens a request asks for, read as llama.cpp's server reads <c>n_predict</c> and <c>max_tokens</c> on every
/// route: absent is the server's default, -1 is up to the context, 0 evaluates the prompt only (a cache warm-up).
/// </summary>
internal static class TokenLimit
{
    /// <summary>The first count given, in the order the server prefers its names.</summary>
    /// <param name="counts">The counts a request gave under each name, the preferred name first.</param>
    /// <returns>The count to generate, or null for the default.</returns>
    public static int? From(params int?[] counts) => counts.FirstOrDefault(count => count is not null) switch
    {
        null => null,
        -1 => int.MaxValue,
        var count => count,
    };

    /// <summary>Whether every count given is one llama.cpp accepts (-1 or more).</summary>
    /// <param name="counts">The counts.</param>
    /// <returns>False when one is below -1.</returns>
    public static bool AreValid(params int?[] counts) => counts.All(count => count is null or >= -1);
}
