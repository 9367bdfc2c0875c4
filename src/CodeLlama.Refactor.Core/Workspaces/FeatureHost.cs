using System.Collections.Immutable;
using System.Composition.Hosting;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Host;
using Microsoft.CodeAnalysis.Host.Mef;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>
/// The IDE's own features (code fix providers and the services they use), composed through MEF so that providers
/// with importing constructors, such as add-using, are built the way the IDE builds them.
/// </summary>
public static class FeatureHost
{
    // The default assemblies already hold the Features assemblies when they are deployed, as they are here: each is
    // listed once, or MEF composes every provider twice and each fix is computed twice.
    private static readonly ImmutableArray<Assembly> Assemblies = [.. MefHostServices.DefaultAssemblies
        .Add(Assembly.Load("Microsoft.CodeAnalysis.Features"))
        .Add(Assembly.Load("Microsoft.CodeAnalysis.CSharp.Features"))
        .Distinct()];

    // One composition for the services and the providers, as in the IDE: finding the parts of these assemblies is most
    // of the cost, and was paid twice when each had its own.
    private static readonly Lazy<CompositionHost> LazyContainer = new(() => new ContainerConfiguration().WithAssemblies(Assemblies).CreateContainer());

    private static readonly Lazy<HostServices> LazyServices = new(() => MefHostServices.Create(LazyContainer.Value));

    private static readonly Lazy<IReadOnlyList<CodeFixProvider>> LazyProviders = new(() =>
        LazyContainer.Value
            .GetExports<Lazy<CodeFixProvider, IDictionary<string, object>>>()
            .Where(export => export.Metadata.TryGetValue("Languages", out var languages)
                && languages is string[] names && names.Contains(LanguageNames.CSharp))
            .Select(export => export.Value)
            .OrderBy(provider => provider.GetType().FullName, StringComparer.Ordinal)
            .ToList());

    /// <summary>Workspace services with the IDE features, for workspaces whose documents code fixes will run on.</summary>
    public static HostServices Services => LazyServices.Value;

    /// <summary>Every C# code fix provider the IDE has.</summary>
    public static IReadOnlyList<CodeFixProvider> CodeFixProviders => LazyProviders.Value;
}
