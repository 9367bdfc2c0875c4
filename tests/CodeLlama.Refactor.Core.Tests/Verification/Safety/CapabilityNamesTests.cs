using CodeLlama.Refactor.Verification.Safety;

namespace CodeLlama.Refactor.Core.Tests.Verification.Safety;

public sealed class CapabilityNamesTests
{
    [Fact]
    public void Words_are_read_in_any_case_with_commas_or_spaces()
    {
        Assert.True(CapabilityNames.TryParse("File, PROCESS network", out var capabilities, out _));

        Assert.Equal([Capability.File, Capability.Process, Capability.Network], capabilities);
    }

    [Fact]
    public void Unknown_word_is_named()
    {
        Assert.False(CapabilityNames.TryParse("file,everything", out var capabilities, out var unknown));

        Assert.Equal("everything", unknown);
        Assert.Equal([Capability.File], capabilities);
    }

    [Fact]
    public void Every_capability_has_a_word_that_reads_back()
    {
        foreach (var capability in Enum.GetValues<Capability>())
        {
            Assert.True(CapabilityNames.TryParse(capability.Word(), out var read, out _));
            Assert.Equal([capability], read);
        }
    }
}
