using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Cli.Output;

/// <summary>
/// Shows progress as one line that redraws itself on an interactive stderr. When stderr is redirected it stays
/// silent, so logs and CI output carry results, not carriage returns.
/// </summary>
internal sealed class StderrProgress(TextWriter error) : IProgress<WorkProgress>, IDisposable
{
    private readonly Lock gate = new();
    private int lastLength;

    public static StderrProgress? For(ConsoleStreams streams, Verbosity verbosity) =>
        streams.IsInteractive && verbosity > Verbosity.Quiet ? new StderrProgress(streams.Error) : null;

    public void Report(WorkProgress value)
    {
        var counts = value.Total > 0 ? $"{value.Done}/{value.Total}" : value.Done.ToString();
        var line = $"{value.Stage}: {counts} {value.Item}";
        lock (gate)
        {
            error.Write('\r' + line.PadRight(lastLength));
            lastLength = line.Length;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (lastLength > 0)
            {
                error.Write('\r' + new string(' ', lastLength) + '\r');
                lastLength = 0;
            }
        }
    }
}
