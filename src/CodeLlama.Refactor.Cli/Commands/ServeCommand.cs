using System.CommandLine;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Server;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary><c>serve</c>: loads a model once and answers infill requests over HTTP until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static readonly Option<string> HostOption = new("--host")
    {
        Description = "The address to listen on. The default answers this machine only; any other address needs --api-key.",
        DefaultValueFactory = _ => "127.0.0.1",
    };

    public static readonly Option<int> PortOption = new("--port")
    {
        Description = "The port to listen on (0 picks a free one and prints it).",
        DefaultValueFactory = _ => 8765,
    };

    public static readonly Option<string?> ApiKeyOption = new("--api-key")
    {
        Description = "Requests without 'Authorization: Bearer KEY' are answered 401 (GET /health stays open). Default: "
            + $"${ServerOptions.ApiKeyEnvironmentVariable}, which keeps the key out of the process list. Required with a --host other than loopback.",
    };

    public static readonly Option<int> ParallelOption = CommonOptions.PositiveIntOption(
        "--parallel", "Slots, as llama.cpp's -np: requests decoded together in shared batches, each slot with its own prompt cache. "
        + "Each slot needs its share of --context.", 1);

    public static readonly Option<int> MaxRequestKilobytesOption = CommonOptions.PositiveIntOption(
        "--max-request-kb", "Larger request bodies are answered 413.", 8192);

    public static Command GetCommand(ConsoleStreams streams)
    {
        var command = new Command(
            "serve",
            "Load a FIM model (Code Llama, or any FIM GGUF llama.cpp knows) once and answer infill requests over HTTP as "
            + "llama.cpp's server does, for its editor clients (llama.vim, llama.vscode, Continue): POST /infill, POST /completion, "
            + "GET /health, GET /props, and OpenAI-compatible POST /v1/completions, POST /v1/chat/completions (a GGUF with a chat "
            + "template) and GET /v1/models; stream: true is answered as one server-sent event. fix and doc (and the IDE code fixes) reach it with "
            + "--endpoint http://HOST:PORT. Up to --parallel requests are decoded together; more wait for a slot. Ctrl+C stops it. Exit code 2: bad input (a model that cannot "
            + "be used, a port in use, a --host other than loopback without an API key).")
        {
            HostOption,
            PortOption,
            ApiKeyOption,
            ParallelOption,
            MaxRequestKilobytesOption,
            CommonOptions.VerbosityOption,
        }.WithModelOptions();
        PortOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                result.AddError("--port must be between 0 and 65535.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, streams, cancellationToken));
        return command;
    }

    private static string? ApiKey(ParseResult parseResult)
    {
        var key = parseResult.GetValue(ApiKeyOption);
        if (string.IsNullOrWhiteSpace(key))
        {
            key = Environment.GetEnvironmentVariable(ServerOptions.ApiKeyEnvironmentVariable);
        }

        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }

    private static Task<int> RunAsync(ParseResult parseResult, ConsoleStreams streams, CancellationToken cancellationToken)
    {
        var log = new ConsoleLog(streams.Error, parseResult.GetValue(CommonOptions.VerbosityOption));
        return CommandRunner.RunAsync(log, async () =>
        {
            var host = parseResult.GetValue(HostOption)!;
            var apiKey = ApiKey(parseResult);
            if (apiKey is null && !ServerOptions.IsLoopback(host))
            {
                throw new InputException(
                    $"--host {host} would let other machines use the model without authentication: pass --api-key KEY or set "
                    + $"{ServerOptions.ApiKeyEnvironmentVariable}, or listen on 127.0.0.1.");
            }

            using var model = ModelOptions.Load(parseResult, defaultTemperature: 0f, candidates: 1, log, progress: null, parseResult.GetValue(ParallelOption))
                ?? throw new InputException($"serve needs a model: pass --model FILE.gguf or set {LLama.LlamaModelOptions.ModelEnvironmentVariable}.");
            var options = new ServerOptions(host, parseResult.GetValue(PortOption), parseResult.GetValue(MaxRequestKilobytesOption) * 1024L, apiKey);
            await using var app = InfillServer.Create(model, options);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException exception)
            {
                throw new InputException($"Cannot listen on {host}:{options.Port}: {exception.Message}", exception);
            }

            if (!ServerOptions.IsLoopback(host))
            {
                log.Warning($"Listening on {host}, reachable from other machines; requests need the API key, which plain http:// carries in clear.");
            }

            streams.Out.WriteLine($"Serving {model.Name} on {string.Join(", ", app.Urls)} with {model.Slots} slot{(model.Slots == 1 ? "" : "s")} (Ctrl+C stops).");
            // Ctrl+C is how a server is meant to stop. The host's own console lifetime may take the signal before the
            // command line does, so either stopping signal ends the wait.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            log.Info("Stopped.");
            return ExitCodes.Success;
        });
    }
}
