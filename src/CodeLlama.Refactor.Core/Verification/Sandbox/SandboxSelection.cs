namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>Turns <c>--sandbox</c> into what runs the tests.</summary>
public static class SandboxSelection
{
    /// <summary>What runs candidate tests under <paramref name="mode"/>.</summary>
    /// <param name="mode">The user's choice.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>
    /// The sandbox; <see cref="HostProcess"/> for <see cref="SandboxMode.Off"/>; null under <see cref="SandboxMode.Auto"/>
    /// when none can be made here (then model-written candidates are not tested).
    /// </returns>
    /// <exception cref="EnvironmentException"><see cref="SandboxMode.Required"/> and no sandbox can be made here.</exception>
    public static async Task<ISandbox?> ForAsync(SandboxMode mode, CancellationToken cancellationToken)
    {
        if (mode == SandboxMode.Off)
        {
            return HostProcess.Instance;
        }

        return Choose(mode, await SandboxDetector.GetAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>What runs candidate tests under <paramref name="mode"/> (not <see cref="SandboxMode.Off"/>) when <paramref name="availability"/> was probed.</summary>
    /// <param name="mode">The user's choice.</param>
    /// <param name="availability">What the probe found.</param>
    /// <returns>The sandbox, or null under <see cref="SandboxMode.Auto"/> when none passed the probe.</returns>
    /// <exception cref="EnvironmentException"><see cref="SandboxMode.Required"/> and none passed the probe.</exception>
    internal static ISandbox? Choose(SandboxMode mode, SandboxAvailability availability)
    {
        return availability.Sandbox is null && mode == SandboxMode.Required
            ? throw new EnvironmentException(
                $"--sandbox required, but no sandbox can be made here ({availability.Reason}). Install bubblewrap (e.g. `apt-get install bubblewrap`) where it is missing.")
            : availability.Sandbox;
    }
}
