using Microsoft.Build.Locator;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>
/// Finds the .NET SDK's MSBuild once per process. It must run before any MSBuild type is loaded, so callers invoke it
/// first thing, before they touch a workspace.
/// </summary>
public static class MSBuildRegistration
{
    private static readonly Lock Gate = new();

    /// <summary>The registered SDK's folder (where its MSBuild is), once <see cref="EnsureRegistered"/> has run here.</summary>
    public static string? SdkDirectory { get; private set; }

    /// <summary>Registers the newest MSBuild of the installed .NET SDKs, unless one is registered already.</summary>
    /// <exception cref="EnvironmentException">No .NET SDK with MSBuild is installed.</exception>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return;
            }

            var instance = MSBuildLocator.QueryVisualStudioInstances()
                .OrderByDescending(candidate => candidate.Version)
                .FirstOrDefault()
                ?? throw new EnvironmentException(
                    "No .NET SDK with MSBuild was found; install the .NET SDK (https://dot.net) and make sure `dotnet` is on PATH.");
            MSBuildLocator.RegisterInstance(instance);
            SdkDirectory = instance.MSBuildPath;
        }
    }
}
