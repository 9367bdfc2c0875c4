using System.Text.RegularExpressions;

namespace CodeLlama.Refactor.Workspaces.Fast;

/// <summary>
/// Where the .NET SDK that builds a project keeps what its compiler command line names: the targeting pack's reference
/// assemblies and source generators, the SDK's own analyzers and its analysis-level configuration.
/// </summary>
/// <param name="SdkDirectory">The SDK's folder (MSBuild's), e.g. <c>/usr/share/dotnet/sdk/10.0.401</c>.</param>
/// <param name="Major">The .NET version the SDK ships with (10 for SDK 10.0.x).</param>
/// <param name="TargetingPack">The targeting pack of that version, e.g. <c>packs/Microsoft.NETCore.App.Ref/10.0.12</c>.</param>
internal sealed partial record SdkLayout(string SdkDirectory, int Major, string TargetingPack)
{
    /// <summary>The SDK's own target framework, e.g. <c>net10.0</c>.</summary>
    public string TargetFramework => $"net{Major}.0";

    /// <summary>The C# version the SDK gives that framework when a project names none (C# 14 for .NET 10).</summary>
    public string LanguageVersion => $"{9 + Major - 5}.0";

    /// <summary>The reference assemblies of the framework, in the order the SDK passes them.</summary>
    public IReadOnlyList<string> ReferenceAssemblies => [.. Directory.GetFiles(Path.Combine(TargetingPack, "ref", TargetFramework), "*.dll").Order(StringComparer.Ordinal)];

    /// <summary>The analyzers and source generators on every C# project's command line, in the SDK's order.</summary>
    public IReadOnlyList<string> Analyzers =>
    [
        Path.Combine(SdkDirectory, "Sdks", "Microsoft.NET.Sdk", "targets", "..", "analyzers", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"),
        Path.Combine(SdkDirectory, "Sdks", "Microsoft.NET.Sdk", "targets", "..", "analyzers", "Microsoft.CodeAnalysis.NetAnalyzers.dll"),
        .. Directory.GetFiles(Path.Combine(TargetingPack, "analyzers", "dotnet", "cs"), "*.dll").Order(StringComparer.Ordinal),
    ];

    /// <summary>The global analyzer configuration of the default analysis level.</summary>
    public string AnalysisLevelConfig => Path.Combine(SdkDirectory, "Sdks", "Microsoft.NET.Sdk", "analyzers", "build", "config", $"analysislevel_{Major}_default.globalconfig");

    /// <summary>Reads the layout of the SDK in <paramref name="sdkDirectory"/>; null when it is not laid out as expected.</summary>
    /// <param name="sdkDirectory">The SDK's folder.</param>
    /// <returns>The layout, or null.</returns>
    public static SdkLayout? TryRead(string sdkDirectory)
    {
        var versions = Path.Combine(sdkDirectory, "Microsoft.NETCoreSdk.BundledVersions.props");
        if (!File.Exists(versions) || BundledVersion().Match(File.ReadAllText(versions)) is not { Success: true } match)
        {
            return null;
        }

        var version = match.Groups["version"].Value;
        var major = int.Parse(version[..version.IndexOf('.', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        var dotnetRoot = Path.GetFullPath(Path.Combine(sdkDirectory, "..", ".."));
        var layout = new SdkLayout(Path.TrimEndingDirectorySeparator(sdkDirectory), major, Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref", version));
        return Directory.Exists(Path.Combine(layout.TargetingPack, "ref", layout.TargetFramework))
            && Directory.Exists(Path.Combine(layout.TargetingPack, "analyzers", "dotnet", "cs"))
            && File.Exists(layout.AnalysisLevelConfig)
            ? layout
            : null;
    }

    [GeneratedRegex(@"<BundledNETCoreAppPackageVersion>(?<version>\d+\.\d+\.\d+)</BundledNETCoreAppPackageVersion>")]
    private static partial Regex BundledVersion();
}
