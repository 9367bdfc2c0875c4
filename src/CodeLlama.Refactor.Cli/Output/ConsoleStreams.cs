namespace CodeLlama.Refactor.Cli.Output;

/// <summary>Where a command writes: results to <paramref name="Out"/>, messages and progress to <paramref name="Error"/>.</summary>
/// <param name="Out">Results (reports).</param>
/// <param name="Error">Diagnostics, warnings and progress.</param>
/// <param name="IsInteractive">True when stderr is a terminal, so that progress can redraw one line.</param>
internal sealed record ConsoleStreams(TextWriter Out, TextWriter Error, bool IsInteractive)
{
    public static ConsoleStreams System => new(Console.Out, Console.Error, !Console.IsErrorRedirected);
}
