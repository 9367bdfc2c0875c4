using CodeLlama.Refactor.LLama;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>Model options that contradict each other, or name what is not there, are refused before any file is read.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ModelChoiceTests
{
    [Theory]
    [InlineData("--gpu-layers", "8")]
    [InlineData("--threads", "2")]
    public async Task Local_engine_options_with_an_endpoint_are_bad_input_that_says_which(string option, string value)
    {
        using var sample = Samples.Copy(Samples.Undocumented);

        var (exitCode, _, error) = await CliRunner.RunAsync("doc", sample.Directory, "--endpoint", "http://127.0.0.1:9/", option, value);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--gpu-layers and --threads", line, StringComparison.Ordinal);
        Assert.Contains("--endpoint", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_llama_native_folder_that_does_not_exist_is_bad_input_naming_it()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var missing = Path.Combine(Path.GetTempPath(), "no-llama-build-" + Guid.NewGuid().ToString("N")[..8]);

        var (exitCode, _, error) = await CliRunner.RunAsync("doc", sample.Directory, "--llama-native", missing);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(missing, line, StringComparison.Ordinal);
        Assert.Contains("does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_llama_native_folder_without_the_library_says_how_to_build_one()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var empty = Directory.CreateTempSubdirectory("empty-llama-build-");
        try
        {
            var (exitCode, _, error) = await CliRunner.RunAsync("doc", sample.Directory, "--llama-native", empty.FullName);

            Assert.Equal(ExitCodes.BadInput, exitCode);
            Assert.Contains($"has no {NativeBackend.LibraryFileName}", error, StringComparison.Ordinal);
            Assert.Contains("BUILD_SHARED_LIBS=ON", error, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Llama_native_with_an_endpoint_is_refused()
    {
        using var sample = Samples.Copy(Samples.Undocumented);

        var (exitCode, _, error) = await CliRunner.RunAsync("doc", sample.Directory, "--endpoint", "http://127.0.0.1:9/", "--llama-native", sample.Directory);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Contains("--llama-native", error, StringComparison.Ordinal);
    }
}
