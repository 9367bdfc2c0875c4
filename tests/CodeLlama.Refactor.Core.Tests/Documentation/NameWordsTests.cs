using System.Text.RegularExpressions;
using CodeLlama.Refactor.Documentation;

namespace CodeLlama.Refactor.Core.Tests.Documentation;

public sealed class NameWordsTests
{
    // The pattern the splitter implements by hand; the tests hold it to the same words.
    private static readonly Regex Reference = new(@"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("PerimeterAsync", "perimeter async")]
    [InlineData("toMetres", "to metres")]
    [InlineData("HTTPClient", "HTTP client")]
    [InlineData("IOStream", "IO stream")]
    [InlineData("_value2D", "value 2 d")]
    [InlineData("@class", "class")]
    [InlineData("MAX_SIZE", "MAX SIZE")]
    [InlineData("Int32Value", "int 32 value")]
    [InlineData("X", "x")]
    [InlineData("Über", "ber")]
    [InlineData("AddMediatR", "add MediatR")]
    [InlineData("MediatRServiceConfiguration", "MediatR service configuration")]
    [InlineData("AddSignalRHub", "add SignalR hub")]
    [InlineData("GetX", "get x")]
    [InlineData("SetYCoordinate", "set y coordinate")]
    [InlineData("IsAValue", "is a value")]
    [InlineData("List`1", "list")]
    public void Splits_identifiers_into_words(string identifier, string expected)
    {
        Assert.Equal(expected, NameWords.Phrase(identifier));
    }

    [Theory]
    [InlineData("GetHTTPResponseCodeAsync")]
    [InlineData("parseXMLToJSON2")]
    [InlineData("Sha256Of1024Bytes")]
    [InlineData("A1B2c3DEf")]
    [InlineData("ABCdefGHIjkl__mNOp9Q")]
    [InlineData("already_snake_case")]
    [InlineData("ÀlaCarteÉtéMenu")]
    [InlineData("")]
    public void Finds_the_words_the_pattern_finds(string identifier)
    {
        var expected = Reference.Matches(identifier.TrimStart('_', '@'))
            .Select(match => match.Value.Length > 1 && match.Value.All(char.IsUpper) ? match.Value : match.Value.ToLowerInvariant());

        Assert.Equal(expected, NameWords.Split(identifier));
    }

    [Fact]
    public void VerbLexicon_KnowsTheVerbsApisUse_AndNotTheWordsGuardsAreNamedAfter()
    {
        Assert.True(VerbLexicon.Count > 300);
        Assert.All(new[] { "get", "set", "add", "remove", "create", "parse", "try", "validate", "ensure", "throw" }, verb => Assert.True(VerbLexicon.IsVerb(verb), verb));
        Assert.All(new[] { "null", "empty", "none", "values", "against", "properties", "duplicates" }, word => Assert.False(VerbLexicon.IsVerb(word), word));
    }
}
