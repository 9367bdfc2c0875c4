namespace CodeLlama.Refactor.Cli.Output;

/// <summary>Messages for people on stderr, filtered by verbosity; errors are always shown.</summary>
internal sealed class ConsoleLog(TextWriter error, Verbosity verbosity)
{
    public Verbosity Verbosity => verbosity;

    public void Error(string message) => Write("error", message);

    public void Warning(string message)
    {
        if (verbosity >= Verbosity.Minimal)
        {
            Write("warning", message);
        }
    }

    public void Info(string message)
    {
        if (verbosity >= Verbosity.Normal)
        {
            error.WriteLine(message);
        }
    }

    public void Detail(string message)
    {
        if (verbosity >= Verbosity.Detailed)
        {
            error.WriteLine(message);
        }
    }

    private void Write(string level, string message)
    {
        lock (error)
        {
            error.WriteLine($"{level}: {message}");
        }
    }
}
