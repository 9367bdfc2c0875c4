using CodeLlama.Refactor.Cli.Output;

namespace CodeLlama.Refactor.Cli.Tests;

public sealed class ConsoleLogTests
{
    [Theory]
    [InlineData("q", "error: e\n")]
    [InlineData("m", "error: e\nwarning: w\n")]
    [InlineData("n", "error: e\nwarning: w\ni\n")]
    [InlineData("d", "error: e\nwarning: w\ni\nd\n")]
    public void Verbosity_ChoosesWhichMessagesReachStderr(string verbosity, string expected)
    {
        Assert.True(VerbosityWords.TryParse(verbosity, out var level));
        using var error = new StringWriter { NewLine = "\n" };
        var log = new ConsoleLog(error, level);

        log.Error("e");
        log.Warning("w");
        log.Info("i");
        log.Detail("d");

        Assert.Equal(expected, error.ToString());
    }
}
