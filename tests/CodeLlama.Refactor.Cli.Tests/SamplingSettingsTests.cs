using System.CommandLine;
using CodeLlama.Refactor.Cli.Commands;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Inference.Http;
using CodeLlama.Refactor.LLama;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>Each sampling and scheduling default is the one <see cref="SamplingSettings.Default"/> defines, wherever it is read.</summary>
public sealed class SamplingSettingsTests
{
    private static readonly SamplingSettings Defaults = SamplingSettings.Default;

    [Fact]
    public void The_command_line_without_options_asks_for_the_defaults()
    {
        var command = new Command("fix").WithModelOptions().WithEndpointOptions();
        command.Options.Add(ModelOptions.CandidatesOption);

        var parsed = command.Parse([]);
        var choice = ModelOptions.Choice(parsed, Defaults.CandidateTemperature, parsed.GetValue(ModelOptions.CandidatesOption));

        Assert.Equal(
            (Defaults.Seed, Defaults.MaxNewTokens, Defaults.Candidates, Defaults.MaxParallel, Defaults.RequestTimeout),
            (choice.Seed, choice.MaxNewTokens, choice.Candidates, choice.MaxParallel, choice.RequestTimeout));
        Assert.Equal(Defaults.Slots, new Command("serve") { ServeCommand.ParallelOption }.Parse([]).GetValue(ServeCommand.ParallelOption));
    }

    [Fact]
    public void The_in_process_model_and_the_endpoint_clients_start_from_the_defaults()
    {
        var local = new LlamaModelOptions("model.gguf");
        var remote = new EndpointOptions(new Uri("http://127.0.0.1:8765"));

        Assert.Equal(
            (Defaults.Temperature, Defaults.Seed, Defaults.MaxNewTokens, Defaults.Candidates, Defaults.Slots),
            (local.Temperature, local.Seed, local.MaxNewTokens, local.MaxCandidates, local.Parallel));
        Assert.Equal(
            (Defaults.Temperature, Defaults.Seed, Defaults.MaxNewTokens, Defaults.MaxParallel, Defaults.RequestTimeout),
            (remote.Temperature, remote.Seed, remote.MaxNewTokens, remote.MaxParallel, remote.Timeout));
        Assert.Equal(Defaults.Candidates, Server.ServerOptions.MaxCompletions);
    }
}
