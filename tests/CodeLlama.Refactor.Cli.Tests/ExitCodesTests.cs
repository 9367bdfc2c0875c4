namespace CodeLlama.Refactor.Cli.Tests;

public sealed class ExitCodesTests
{
    [Fact]
    public void Codes_AreTheDocumentedContract()
    {
        Assert.Equal(0, ExitCodes.Success);
        Assert.Equal(1, ExitCodes.FindingsRemain);
        Assert.Equal(2, ExitCodes.BadInput);
        Assert.Equal(3, ExitCodes.EnvironmentError);
    }

    [Fact]
    public void Codes_AreDistinct()
    {
        int[] codes = [ExitCodes.Success, ExitCodes.FindingsRemain, ExitCodes.BadInput, ExitCodes.EnvironmentError,
            ExitCodes.InternalError, ExitCodes.Cancelled];

        Assert.Equal(codes.Length, codes.Distinct().Count());
    }
}
