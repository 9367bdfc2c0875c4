using System.Reflection;
using Microsoft.CodeAnalysis.Host;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.MSBuild;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>
/// Workspace services for compiling only (check): the workspace layer and C#'s, without the IDE features that Roslyn's
/// default host composes as well whenever their assemblies are present, as they are in this tool. Composing those
/// (thousands of parts) cost most of a second of a one-file check; a workspace that code fixes will run on takes
/// <see cref="FeatureHost.Services"/> instead.
/// </summary>
public static class CompilerHost
{
    private static readonly Lazy<HostServices> LazyServices = new(() => MefHostServices.Create(
    [
        typeof(MefHostServices).Assembly,
        Assembly.Load("Microsoft.CodeAnalysis.CSharp.Workspaces"),
    ]));

    private static readonly Lazy<HostServices> LazyMSBuildServices = new(() => MefHostServices.Create(
    [
        typeof(MefHostServices).Assembly,
        Assembly.Load("Microsoft.CodeAnalysis.CSharp.Workspaces"),
        typeof(MSBuildWorkspace).Assembly,
    ]));

    /// <summary>Services for a workspace built in memory.</summary>
    public static HostServices Services => LazyServices.Value;

    /// <summary>Services for an MSBuildWorkspace.</summary>
    public static HostServices MSBuildServices => LazyMSBuildServices.Value;
}
