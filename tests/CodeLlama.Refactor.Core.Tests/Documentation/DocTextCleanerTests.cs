using CodeLlama.Refactor.Documentation;

namespace CodeLlama.Refactor.Core.Tests.Documentation;

public sealed class DocTextCleanerTests
{
    [Theory]
    [InlineData("Computes the area.", "Computes the area.")]
    [InlineData("Computes the area.\n    /// </summary>\n    public double Area()", "Computes the area.")]
    [InlineData("Computes the\n    /// area of the\n    /// circle.", "Computes the area of the circle.")]
    [InlineData("  Adds   two\tnumbers  ", "Adds two numbers")]
    [InlineData("Returns a & b.", "Returns a & b.")]
    public void Keeps_the_sentence_and_drops_what_would_break_the_comment(string completion, string expected) =>
        Assert.Equal(expected, DocTextCleaner.Clean(completion));

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData("</summary>")]
    [InlineData("();")]
    public void Nothing_usable_gives_null_so_the_template_is_used(string completion) =>
        Assert.Null(DocTextCleaner.Clean(completion));

    [Fact]
    public void A_long_completion_is_cut_at_a_word_boundary()
    {
        var cleaned = DocTextCleaner.Clean(string.Join(' ', Enumerable.Repeat("word", 200)))!;

        Assert.True(cleaned.Length <= DocTextCleaner.MaxLength + 1);
        Assert.EndsWith("word…", cleaned, StringComparison.Ordinal);
    }
}
