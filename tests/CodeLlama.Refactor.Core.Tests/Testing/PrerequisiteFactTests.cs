using CodeLlama.Refactor.Testing.Facts;

namespace CodeLlama.Refactor.Core.Tests.Testing;

/// <summary>A fact whose tool is missing skips outside CI and fails under it; one whose tool is there just runs.</summary>
public sealed class PrerequisiteFactTests
{
    [Fact]
    public void MissingTool_OutsideCi_SkipsSayingWhy()
    {
        var fact = new ToolFact("Needs a tool.", requiredByCi: false);

        Assert.Equal("Needs a tool.", fact.Skip);
        Assert.Null(fact.Failure);
    }

    [Fact]
    public void MissingTool_UnderCi_FailsSayingWhyAndWhoInstallsIt()
    {
        var fact = new ToolFact("Needs a tool.", requiredByCi: true);

        Assert.Null(fact.Skip);
        Assert.Equal("Needs a tool. CI=true requires it: .ci/run installs it, so its absence is a failure, not a skip.", fact.Failure);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ToolPresent_Runs(bool requiredByCi)
    {
        var fact = new ToolFact(null, requiredByCi);

        Assert.Null(fact.Skip);
        Assert.Null(fact.Failure);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void CiVariable_IsReadAsCiServicesWriteIt(string? value, bool expected) => Assert.Equal(expected, Prerequisites.IsTrue(value));

    private sealed class ToolFact(string? missing, bool requiredByCi) : PrerequisiteFactAttribute(missing, requiredByCi);
}
