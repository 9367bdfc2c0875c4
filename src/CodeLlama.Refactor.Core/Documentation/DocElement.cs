using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Documentation;

/// <summary>The kinds of element a documentation comment can hold that the tool writes.</summary>
public enum DocElementKind
{
    /// <summary><c>&lt;summary&gt;</c>.</summary>
    Summary,

    /// <summary><c>&lt;typeparam name="…"&gt;</c>.</summary>
    TypeParam,

    /// <summary><c>&lt;param name="…"&gt;</c>.</summary>
    Param,

    /// <summary><c>&lt;returns&gt;</c>.</summary>
    Returns,

    /// <summary><c>&lt;value&gt;</c>.</summary>
    Value,

    /// <summary><c>&lt;exception cref="…"&gt;</c>.</summary>
    Exception,
}

/// <summary>One element to write for one symbol; the structure comes from Roslyn, the text from an <see cref="IDocTextSource"/>.</summary>
/// <param name="Symbol">The documented symbol.</param>
/// <param name="Kind">Which element.</param>
/// <param name="Name">The parameter or type parameter name, the exception type's cref, or null.</param>
/// <param name="Detail">For an exception, the helper that throws it (e.g. <c>ThrowIfNull</c>) and its argument, else null.</param>
public sealed record DocElement(ISymbol Symbol, DocElementKind Kind, string? Name = null, ThrowSite? Detail = null);

/// <summary>Where a body throws an exception type directly.</summary>
/// <param name="HelperName">The <c>ThrowIf…</c> helper called, or null for a <c>throw new</c>.</param>
/// <param name="ParameterName">The parameter the helper checks, when its argument is one.</param>
public sealed record ThrowSite(string? HelperName, string? ParameterName);
