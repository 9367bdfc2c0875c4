using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace CodeLlama.Refactor.Documentation;

/// <summary>Builds documentation XML with Roslyn's syntax factories, so text is always escaped and tags always balanced.</summary>
public static class XmlDoc
{
    /// <summary>Plain text, escaped for XML.</summary>
    /// <param name="value">The text as it should read.</param>
    /// <returns>A text node.</returns>
    public static XmlTextSyntax Text(string value) =>
        XmlText(XmlTextLiteral(Escape(value), value));

    /// <summary><c>&lt;see cref="…"/&gt;</c> for a symbol, written the way crefs name generics (<c>List{T}</c>).</summary>
    /// <param name="symbol">The type or member to link.</param>
    /// <returns>A see element.</returns>
    public static XmlNodeSyntax SeeCref(ISymbol symbol) => SeeCref(Cref(symbol));

    /// <summary><c>&lt;see cref="…"/&gt;</c> with the cref text given.</summary>
    /// <param name="cref">The cref, e.g. <c>ArgumentNullException</c>.</param>
    /// <returns>A see element.</returns>
    public static XmlNodeSyntax SeeCref(string cref) => Empty("see", CrefAttribute(cref));

    /// <summary><c>&lt;see langword="…"/&gt;</c>, e.g. for <c>true</c> or <c>null</c>.</summary>
    /// <param name="keyword">The C# keyword.</param>
    /// <returns>A see element.</returns>
    public static XmlNodeSyntax SeeLangword(string keyword) => Empty("see", TextAttribute("langword", keyword));

    /// <summary><c>&lt;paramref name="…"/&gt;</c>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>A paramref element.</returns>
    public static XmlNodeSyntax ParamRef(string name) => Empty("paramref", NameAttribute(name));

    /// <summary><c>&lt;typeparamref name="…"/&gt;</c>.</summary>
    /// <param name="name">The type parameter name.</param>
    /// <returns>A typeparamref element.</returns>
    public static XmlNodeSyntax TypeParamRef(string name) => Empty("typeparamref", NameAttribute(name));

    /// <summary><c>&lt;c&gt;…&lt;/c&gt;</c>: code as written, for what no cref can name (a tuple, a pointer).</summary>
    /// <param name="code">The code.</param>
    /// <returns>A c element.</returns>
    public static XmlNodeSyntax Code(string code) => Element("c", null, [Text(code)]);

    /// <summary>An element with content, e.g. <c>&lt;param name="x"&gt;…&lt;/param&gt;</c>.</summary>
    /// <param name="name">The tag.</param>
    /// <param name="attribute">
    /// Its one attribute, from <see cref="NameAttribute"/> or <see cref="CrefAttribute"/> (which bring the space before
    /// them), or null.
    /// </param>
    /// <param name="content">What goes inside.</param>
    /// <returns>The element.</returns>
    public static XmlElementSyntax Element(string name, XmlAttributeSyntax? attribute, IEnumerable<XmlNodeSyntax> content) =>
        XmlElement(
            XmlElementStartTag(XmlName(name), attribute is null ? default : SingletonList(attribute)),
            List(content),
            XmlElementEndTag(XmlName(name)));

    /// <summary>The <c>name</c> attribute of <c>&lt;param&gt;</c> and <c>&lt;typeparam&gt;</c>, with the space before it.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The attribute.</returns>
    public static XmlAttributeSyntax NameAttribute(string name) =>
        XmlNameAttribute(SpacedName("name"), Token(SyntaxKind.DoubleQuoteToken), IdentifierName(name), Token(SyntaxKind.DoubleQuoteToken));

    /// <summary>A <c>cref</c> attribute holding <paramref name="cref"/> as written, with the space before it.</summary>
    /// <param name="cref">The cref text.</param>
    /// <returns>The attribute.</returns>
    public static XmlAttributeSyntax CrefAttribute(string cref) => TextAttribute("cref", cref);

    /// <summary>The cref text for <paramref name="symbol"/>: its name with type arguments in braces.</summary>
    /// <param name="symbol">A type or member.</param>
    /// <returns>For example <c>Registry{TShape}</c>.</returns>
    public static string Cref(ISymbol symbol) =>
        symbol.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat
                .WithGenericsOptions(SymbolDisplayGenericsOptions.IncludeTypeParameters)
                .WithMemberOptions(SymbolDisplayMemberOptions.None))
            .Replace('<', '{')
            .Replace('>', '}');

    /// <summary>The cref text for <paramref name="symbol"/> as it resolves at <paramref name="position"/> (with the file's usings).</summary>
    /// <param name="symbol">A type or member.</param>
    /// <param name="model">The semantic model of the file the cref is written in.</param>
    /// <param name="position">Where the comment goes.</param>
    /// <returns>For example <c>ArgumentNullException</c>, or <c>System.ArgumentNullException</c> without <c>using System;</c>.</returns>
    public static string Cref(ISymbol symbol, SemanticModel model, int position) =>
        symbol.ToMinimalDisplayString(model, position, SymbolDisplayFormat.MinimallyQualifiedFormat
                .WithGenericsOptions(SymbolDisplayGenericsOptions.IncludeTypeParameters)
                .WithMemberOptions(SymbolDisplayMemberOptions.None))
            .Replace('<', '{')
            .Replace('>', '}');

    /// <summary>Escapes the characters XML reserves in text.</summary>
    /// <param name="value">Raw text.</param>
    /// <returns>The text with <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped.</returns>
    public static string Escape(string value) =>
        value.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    private static XmlEmptyElementSyntax Empty(string name, XmlAttributeSyntax attribute) =>
        XmlEmptyElement(XmlName(name), SingletonList(attribute));

    private static XmlTextAttributeSyntax TextAttribute(string name, string value) =>
        XmlTextAttribute(SpacedName(name), Token(SyntaxKind.DoubleQuoteToken), TokenList(XmlTextLiteral(value)), Token(SyntaxKind.DoubleQuoteToken));

    // An attribute's name with the space that separates it from the tag: built in, since adding trivia to a finished
    // node rewrites it, and comments are built thousands at a time.
    private static XmlNameSyntax SpacedName(string name) => XmlName(Identifier(TriviaList(Space), name, TriviaList()));
}
