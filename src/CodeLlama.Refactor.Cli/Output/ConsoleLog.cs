using Microsoft.Extensions.Logging;

namespace CodeLlama.Refactor.Cli.Output;

/// <summary>
/// Messages for people on stderr through Microsoft.Extensions.Logging, filtered by <c>--verbosity</c> (MSBuild's levels
/// mapped onto the logger's); errors are always shown.
/// </summary>
internal sealed class ConsoleLog
{
    private readonly ILoggerFactory factory;
    private readonly ILogger logger;

    public ConsoleLog(TextWriter error, Verbosity verbosity)
    {
        Verbosity = verbosity;
        var minimum = verbosity switch
        {
            Verbosity.Quiet => LogLevel.Error,
            Verbosity.Minimal => LogLevel.Warning,
            Verbosity.Normal => LogLevel.Information,
            Verbosity.Detailed => LogLevel.Debug,
            _ => LogLevel.Trace,
        };
        // The factory lives as long as the log; its only provider writes straight through and holds nothing to release.
        factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(minimum).AddProvider(new StderrLoggerProvider(error)));
        logger = factory.CreateLogger("codellama-refactor");
    }

    public Verbosity Verbosity { get; }

    public void Error(string message) => logger.LogError("{Message}", message);

    public void Warning(string message) => logger.LogWarning("{Message}", message);

    public void Info(string message) => logger.LogInformation("{Message}", message);

    public void Detail(string message) => logger.LogDebug("{Message}", message);
}
