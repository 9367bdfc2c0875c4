using CodeLlama.Refactor.Inference;

namespace CodeLlama.Refactor.Server.Tests;

/// <summary>
/// Each FIM family's descriptor, read by the text format (what the endpoint clients send) and by serve's reader of FIM
/// prompts written as text: what one writes, the other reads back, for every family the descriptors list.
/// </summary>
public sealed class FimFamilyDescriptorTests
{
    public static TheoryData<string> Families => [.. FimFamilyDescriptor.All.Select(descriptor => descriptor.Name)];

    [Fact]
    public void Every_family_has_one_descriptor_found_by_its_name()
    {
        Assert.Equal(FimFamilyDescriptor.All.Count, FimFamilyDescriptor.All.Select(descriptor => descriptor.Name.ToLowerInvariant()).Distinct().Count());
        Assert.All(FimFamilyDescriptor.All, descriptor => Assert.Same(descriptor, FimFamilyDescriptor.For(descriptor.Name.ToUpperInvariant())));
        Assert.Throws<ArgumentOutOfRangeException>(() => FimFamilyDescriptor.For("gpt"));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void A_prompt_written_in_a_familys_markers_is_read_back_into_its_parts(string family)
    {
        var request = new InfillRequest("int Add(int a, int b)\n{\n    return ", ";\n}\n") { Typed = "a +", Extra = [new InfillChunk("Other.cs", "class Other { }\n")] };

        var text = FimTextFormat.For(family).Render(request);
        var read = FimPromptText.Find(text);

        Assert.NotNull(read);
        Assert.Equal((request.Prefix, request.Suffix, request.Typed), (read.Prefix, read.Suffix, read.Typed));
        Assert.Contains("class Other { }", string.Concat(read.Extra.Select(chunk => chunk.Text)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void The_text_format_takes_the_descriptors_markers_stops_and_context_markers(string family)
    {
        var descriptor = FimFamilyDescriptor.For(family);

        var format = FimTextFormat.For(family);

        Assert.Equal(
            (descriptor.Prefix, descriptor.Suffix, descriptor.Middle, descriptor.Repository, descriptor.FileSeparator),
            (format.Prefix, format.Suffix, format.Middle, format.Repository, format.FileSeparator));
        Assert.Equal(descriptor.Stops, format.StopsFor(new InfillRequest("", "")));
        Assert.Equal(descriptor.Prefix + "a" + descriptor.Suffix + "b" + descriptor.Middle, format.Render("a", "b"));
    }

    [Fact]
    public void An_spm_family_writes_the_suffix_before_the_prefix()
    {
        var format = FimTextFormat.For(FimFamilyDescriptor.StarCoder) with { Order = FimOrder.SuffixPrefixMiddle };

        Assert.Equal("<fim_suffix>b<fim_prefix>a<fim_middle>", format.Render("a", "b"));
    }

    [Theory]
    [InlineData("▁<PRE>", "CodeLlama")]
    [InlineData("<fim_prefix>", "StarCoder")]
    [InlineData("<｜fim▁begin｜>", "DeepSeek")]
    public void A_ggufs_prefix_token_names_its_family(string token, string family)
    {
        Assert.Equal(family, FimFamilyDescriptor.ByPrefixToken(token)?.Name);
        Assert.Null(FimFamilyDescriptor.ByPrefixToken("<unknown_prefix>"));
    }
}
