using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Inference;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.Core.Tests.Candidates.Model;

public sealed class InfillWindowTests
{
    private static readonly string File = string.Join('\n',
        [
            "using System;",
            "using System.Text;",
            "namespace Shapes",
            "{",
            "    public sealed class Circle : IShape",
            "    {",
            .. Enumerable.Range(0, 200).Select(index => $"        public int Field{index} = {index};"),
            "        public double Area() => GAP;",
            .. Enumerable.Range(0, 200).Select(index => $"        public int Later{index} = {index};"),
            "    }",
            "}",
        ]);

    [Fact]
    public void A_file_that_fits_is_shown_whole()
    {
        var gap = File.IndexOf("GAP", StringComparison.Ordinal);

        var window = Fit(gap, new CharacterModel(contextSize: 100_000));

        Assert.False(window.IsWindowed);
        Assert.Equal(File[..gap], window.Prefix);
        Assert.Equal(File[(gap + 3)..], window.Suffix);
    }

    [Fact]
    public void A_file_larger_than_the_context_keeps_the_usings_the_type_line_and_the_lines_around_the_gap()
    {
        var gap = File.IndexOf("GAP", StringComparison.Ordinal);
        var model = new CharacterModel(contextSize: 2_000);

        var window = Fit(gap, model);

        Assert.True(window.IsWindowed);
        Assert.True(window.Prefix.Length + window.Suffix.Length <= 2_000 - model.MaxNewTokens);
        Assert.StartsWith("using System;\nusing System.Text;\nnamespace Shapes\n{\n    public sealed class Circle : IShape\n    {\n", window.Prefix, StringComparison.Ordinal);
        Assert.EndsWith("        public double Area() => ", window.Prefix, StringComparison.Ordinal);
        Assert.Contains("Field199", window.Prefix, StringComparison.Ordinal);
        Assert.DoesNotContain("Field0 ", window.Prefix, StringComparison.Ordinal);
        Assert.StartsWith(";\n        public int Later0 = 0;", window.Suffix, StringComparison.Ordinal);
        Assert.DoesNotContain("Later199", window.Suffix, StringComparison.Ordinal);
    }

    private static InfillWindow Fit(int gap, IInfillModel model) =>
        InfillWindow.Fit(CSharpSyntaxTree.ParseText(File).GetRoot(), gap, File[..gap], File[(gap + 3)..], model);

    // One token per character: enough to test the budget arithmetic without a model file.
    private sealed class CharacterModel(int contextSize) : IInfillModel
    {
        public string Name => "characters";

        public int ContextSize => contextSize;

        public int MaxNewTokens => 64;

        public InfillStatistics Statistics { get; } = new();

        public int CountTokens(string text) => text.Length;

        public Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
