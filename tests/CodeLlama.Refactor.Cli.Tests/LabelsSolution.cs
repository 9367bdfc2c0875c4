namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>The broken library and its test the model tests repair: `name * 2` where the length was meant.</summary>
internal static class LabelsSolution
{
    public const string BrokenLabels = """
        namespace Lib;

        public static class Labels
        {
            public static int Width(string name)
            {
                var width = name * 2;
                return width;
            }
        }
        """;

    public const string LabelsTests = """
        using Lib;
        using Xunit;

        public class LabelsTests
        {
            [Fact]
            public void Width_is_twice_the_length() => Assert.Equal(8, Labels.Width("abcd"));
        }
        """;
}
