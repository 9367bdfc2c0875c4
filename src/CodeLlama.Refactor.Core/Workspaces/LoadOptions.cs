namespace CodeLlama.Refactor.Workspaces;

/// <summary>Whether loading may run <c>dotnet restore</c>.</summary>
public enum RestoreMode
{
    /// <summary>Restore a project that was never restored, as a build would.</summary>
    Auto,

    /// <summary>Never restore; load the projects as they are (<c>--no-restore</c>).</summary>
    Never,
}

/// <summary>How <see cref="WorkspaceLoader"/> opens a solution.</summary>
/// <param name="Restore">Whether a project that was never restored is restored first.</param>
/// <param name="LeaveTreeUnchanged">
/// True for a dry run: nothing under the projects' folders is written, not even build outputs. The design-time build's
/// intermediate files (<c>obj/Debug/…/*.AssemblyInfo.cs</c> and the like, and what targets write into <c>bin/</c>), and a
/// restore when one is needed, go to a private temporary folder instead.
/// </param>
/// <param name="Properties">
/// MSBuild global properties for every project (<c>-p:Name=Value</c>), as <c>dotnet build</c> takes them; also passed to a
/// restore. Null for none.
/// </param>
public sealed record LoadOptions(
    RestoreMode Restore = RestoreMode.Auto,
    bool LeaveTreeUnchanged = false,
    IReadOnlyDictionary<string, string>? Properties = null)
{
    /// <summary>Restore when needed, into the projects' own <c>obj/</c>, as <c>dotnet build</c> does.</summary>
    public static LoadOptions Default { get; } = new();
}
