using System.Diagnostics;

namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>
/// No sandbox: the command runs on the host with the caller's environment (<c>--sandbox off</c>, and the restore that
/// precedes a sandboxed build, which runs no candidate code).
/// </summary>
public sealed class HostProcess : ISandbox
{
    /// <summary>The one instance.</summary>
    public static readonly HostProcess Instance = new();

    private HostProcess()
    {
    }

    /// <inheritdoc/>
    public string Name => "host";

    /// <inheritdoc/>
    public string Description => "no sandbox: the host, with the caller's environment, files and network";

    /// <inheritdoc/>
    public bool IsIsolated => false;

    /// <inheritdoc/>
    public Task<ProcessResult> RunAsync(SandboxCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Through `setpriv --pdeathsig KILL` where it exists, so that the command dies with this process, SIGKILL
        // included (what it starts in turn is killed by the next run, which finds it working in the dead run's copy).
        var setpriv = OperatingSystem.IsLinux() ? Executable.Find("setpriv") : null;
        var startInfo = new ProcessStartInfo(setpriv ?? command.FileName) { WorkingDirectory = command.WorkingDirectory };
        string[] wrapper = setpriv is null ? [] : ["--pdeathsig", "KILL", "--", command.FileName];
        foreach (var argument in wrapper.Concat(command.Arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Build servers would outlive the run and keep files of the copy open.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        return ProcessRunner.RunAsync(startInfo, timeout, cancellationToken);
    }
}
