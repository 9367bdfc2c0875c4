using System.CommandLine;
using CodeLlama.Refactor.Cli.Output;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Server;

namespace CodeLlama.Refactor.Cli.Commands;

/// <summary><c>serve</c>: loads a model once and answers infill requests over HTTP until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static readonly Option<string> HostOption = CreateHostOption();

    public static readonly Option<int> PortOption = NumberOptions.Create(
        "--port", "The port to listen on, 0 to 65535 (0 picks a free one and prints it).", 8765, 0, 65535);

    public static readonly Option<string?> ApiKeyOption = new("--api-key")
    {
        Description = "Requests without 'Authorization: Bearer KEY' are answered 401 (GET /health stays open). Default: "
            + $"${ServerOptions.ApiKeyEnvironmentVariable}, which keeps the key out of the process list. Required with a --host other than loopback. "
            + "Without a key, only requests whose Host header names a loopback address or --host are answered (others 403), so that a "
            + "web page cannot reach the server by rebinding its own name to 127.0.0.1.",
    };

    public static readonly Option<int> ParallelOption = CommonOptions.PositiveIntOption(
        "--parallel", "Slots, as llama.cpp's -np: requests decoded together in shared batches, each slot with its own prompt cache. "
        + "Each slot needs its share of --context. 1 to 64.", SamplingSettings.Default.Slots, 64);

    public static readonly Option<int> QueueOption = NumberOptions.Create(
        "--queue", $"Requests that may wait for a slot, 0 to 100000; more are answered 503 with Retry-After: {ServerOptions.RetryAfterSeconds}.",
        ServerOptions.DefaultMaxQueue, 0, 100_000);

    public static readonly Option<int> MaxRequestKilobytesOption = CommonOptions.PositiveIntOption(
        "--max-request-kb", "Larger request bodies are answered 413. 1 to 1048576 (1 GiB).", 8192, 1 << 20);

    public static readonly Option<bool> MetricsOption = new("--metrics")
    {
        Description = "Answer GET /metrics with Prometheus metrics under llama.cpp's names (llamacpp:prompt_tokens_total, ...); without it, 501 as llama.cpp.",
    };

    public static readonly Option<bool> NoSlotsOption = new("--no-slots")
    {
        Description = "Answer GET /slots with 501, as llama.cpp's --no-slots.",
    };

    public static Command GetCommand(ConsoleStreams streams)
    {
        var command = new Command(
            "serve",
            "Load a FIM model (Code Llama, or any FIM GGUF llama.cpp knows) once and answer infill requests over HTTP as "
            + "llama.cpp's server does, for its editor clients (llama.vim, llama.vscode, Continue): POST /infill, POST /completion, "
            + "POST /tokenize, POST /detokenize, GET /health, GET /props, GET /slots, GET /metrics (with --metrics), and OpenAI-compatible "
            + "POST /v1/completions, POST /v1/chat/completions (the GGUF's chat template, else ChatML) and GET /v1/models; stream: true "
            + "sends each token as it is generated. fix and doc (and the IDE code fixes) reach it with "
            + "--endpoint http://HOST:PORT. Up to --parallel requests are decoded together; up to --queue more wait for a slot, and others "
            + "are answered 503. Ctrl+C stops it (exit code 0). Exit code 2: bad input (a bad option value, a model that cannot "
            + "be used, a port in use, a --host other than loopback without an API key).")
        {
            HostOption,
            PortOption,
            ApiKeyOption,
            ParallelOption,
            QueueOption,
            MaxRequestKilobytesOption,
            MetricsOption,
            NoSlotsOption,
            CommonOptions.ServeVerbosityOption,
        }.WithModelOptions();
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, streams, cancellationToken));
        return command;
    }

    private static Option<string> CreateHostOption()
    {
        var option = new Option<string>("--host")
        {
            Description = "The address to listen on: an IPv4 or IPv6 address, or a host name. The default answers this machine only; any "
                + "other address needs --api-key.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        option.Validators.Add(result =>
        {
            // Not given: the default stands. More than one token: the parser has already said so.
            if (result.Tokens is not [{ Value: var token }])
            {
                return;
            }

            if (!ListenHost.IsValid(token))
            {
                result.AddError($"--host: '{token}' is not an IP address or host name.");
            }
        });
        return option;
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
        var log = new ConsoleLog(streams.Error, parseResult.GetValue(CommonOptions.ServeVerbosityOption));
        return CommandRunner.RunAsync(log, cancellationToken, async () =>
        {
            var host = parseResult.GetValue(HostOption)!;
            var apiKey = ApiKey(parseResult);
            if (apiKey is null && !ServerOptions.IsLoopback(host))
            {
                throw new InputException(
                    $"--host {host} would let other machines use the model without authentication: pass --api-key KEY or set "
                    + $"{ServerOptions.ApiKeyEnvironmentVariable}, or listen on 127.0.0.1.");
            }

            using var model = ModelOptions.Load(parseResult, defaultTemperature: SamplingSettings.Default.Temperature, candidates: ServerOptions.MaxCompletions, log, progress: null, parseResult.GetValue(ParallelOption))
                ?? throw new InputException($"serve needs a model: pass --model FILE.gguf or set {LLama.LlamaModelOptions.ModelEnvironmentVariable}.");
            var options = new ServerOptions(
                host, parseResult.GetValue(PortOption), parseResult.GetValue(MaxRequestKilobytesOption) * 1024L, apiKey, parseResult.GetValue(QueueOption))
            {
                Metrics = parseResult.GetValue(MetricsOption),
                Slots = !parseResult.GetValue(NoSlotsOption),
            };
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
