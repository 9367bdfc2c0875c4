namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>A fact that needs POSIX signals; skipped on Windows, which has no SIGINT to send another process.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Sends SIGINT, which Windows does not have.";
        }
    }
}
