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
/// <param name="Detail">For an exception, when the member throws it, else null.</param>
/// <param name="Context">Where the comment is written, for references that must bind there; null writes types as code.</param>
public sealed record DocElement(ISymbol Symbol, DocElementKind Kind, string? Name = null, ThrowSite? Detail = null, DocContext? Context = null);
