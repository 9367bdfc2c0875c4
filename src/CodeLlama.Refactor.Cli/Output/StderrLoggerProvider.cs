using Microsoft.Extensions.Logging;

namespace CodeLlama.Refactor.Cli.Output;

/// <summary>
/// Writes log messages in the compiler's manner, <c>error: …</c> and <c>warning: …</c>, other levels as plain lines, to
/// the given writer (stderr, or a test's), one line at a time.
/// </summary>
internal sealed class StderrLoggerProvider(TextWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(writer);

    public void Dispose()
    {
    }

    private sealed class StderrLogger(TextWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var line = logLevel switch
            {
                LogLevel.Critical or LogLevel.Error => $"error: {message}",
                LogLevel.Warning => $"warning: {message}",
                _ => message,
            };
            lock (writer)
            {
                writer.WriteLine(line);
            }
        }
    }
}
