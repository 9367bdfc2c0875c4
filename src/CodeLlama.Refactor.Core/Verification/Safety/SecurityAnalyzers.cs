using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>
/// The security rules of the .NET SDK's own analyzers (Microsoft.CodeAnalysis.NetAnalyzers, shipped in every SDK under
/// <c>sdk/&lt;version&gt;/Sdks/Microsoft.NET.Sdk/analyzers</c>), loaded once per process and run with their severity
/// forced to warning, whatever the project configures.
/// </summary>
public sealed class SecurityAnalyzers
{
    private const string AnalyzerFolder = "Sdks/Microsoft.NET.Sdk/analyzers";
    private static readonly string[] AnalyzerFiles = ["Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"];
    private static readonly Lazy<SecurityAnalyzers?> Shared = new(Load);

    private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;
    private readonly ImmutableDictionary<string, ReportDiagnostic> severities;
    private readonly IReadOnlyDictionary<string, string> titles;

    private SecurityAnalyzers(ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyDictionary<string, string> titles, string folder)
    {
        this.analyzers = analyzers;
        this.titles = titles;
        Folder = folder;
        severities = titles.Keys.ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);
    }

    /// <summary>The SDK's analyzers, or null when no SDK folder holds them.</summary>
    public static SecurityAnalyzers? Sdk => Shared.Value;

    /// <summary>The folder they were loaded from.</summary>
    public string Folder { get; }

    /// <summary>The security rule ids the loaded analyzers report.</summary>
    public IReadOnlyCollection<string> RuleIds => (IReadOnlyCollection<string>)titles.Keys;

    /// <summary>Runs the security rules on <paramref name="project"/> and returns what they report in <paramref name="filePaths"/>.</summary>
    /// <param name="project">The project.</param>
    /// <param name="filePaths">The documents whose diagnostics matter.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The findings, suppressed ones included: a pragma a candidate adds hides nothing from the gate.</returns>
    public async Task<IReadOnlyList<SecurityFinding>> AnalyzeAsync(Project project, IReadOnlyCollection<string> filePaths, CancellationToken cancellationToken)
    {
        if (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return [];
        }

        // Many security rules are off by default and projects may turn them off: force them on, and nothing else.
        var options = compilation.Options
            .WithSyntaxTreeOptionsProvider(null)
            .WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItems(severities));
        var withAnalyzers = compilation.WithOptions(options).WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var findings = new List<SecurityFinding>();
        foreach (var diagnostic in diagnostics.Where(diagnostic => titles.ContainsKey(diagnostic.Id)))
        {
            if (diagnostic.Location.SourceTree is { } tree && filePaths.Contains(tree.FilePath))
            {
                var model = compilation.GetSemanticModel(tree);
                findings.Add(new SecurityFinding(diagnostic.Id, NameOf(diagnostic, model, cancellationToken), tree.FilePath, diagnostic.GetMessage()));
            }
        }

        return findings;
    }

    // The cryptography rules name the algorithm in the code they flag (MD5, SHA1, DES): the report names it too.
    private string NameOf(Diagnostic diagnostic, SemanticModel model, CancellationToken cancellationToken)
    {
        var name = SecurityRules.NameOf(diagnostic.Id, titles[diagnostic.Id]);
        var node = diagnostic.Location.SourceTree!.GetRoot(cancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var symbol = model.GetSymbolInfo(node, cancellationToken).Symbol;
        var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
        return diagnostic.Id is "CA5350" or "CA5351" && type?.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography"
            ? $"{name}: {type.Name}"
            : name;
    }

    private static SecurityAnalyzers? Load()
    {
        foreach (var folder in CandidateFolders())
        {
            var paths = AnalyzerFiles.Select(file => Path.Combine(folder, file)).Where(File.Exists).ToList();
            if (paths.Count == 0)
            {
                continue;
            }

            var loader = new AnalyzerLoader();
            var all = paths.SelectMany(path => new AnalyzerFileReference(path, loader).GetAnalyzers(LanguageNames.CSharp)).ToList();
            var titles = new Dictionary<string, string>(StringComparer.Ordinal);
            var security = new List<DiagnosticAnalyzer>();
            foreach (var analyzer in all)
            {
                var rules = analyzer.SupportedDiagnostics.Where(descriptor => SecurityRules.IsSecurity(descriptor.Id)).ToList();
                if (rules.Count == 0)
                {
                    continue;
                }

                security.Add(analyzer);
                foreach (var rule in rules)
                {
                    titles.TryAdd(rule.Id, rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            if (security.Count > 0)
            {
                return new SecurityAnalyzers([.. security], titles, folder);
            }
        }

        return null;
    }

    // The SDK MSBuild was registered from first, then every SDK of the dotnet that runs this process, newest first.
    private static IEnumerable<string> CandidateFolders()
    {
        IEnumerable<string> sdks;
        try
        {
            sdks = MSBuildLocator.QueryVisualStudioInstances().OrderByDescending(instance => instance.Version).Select(instance => instance.MSBuildPath).ToList();
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException)
        {
            sdks = [];
        }

        foreach (var sdk in sdks)
        {
            yield return Path.Combine(sdk, AnalyzerFolder);
        }

        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtime is null ? null : Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        if (root is not null && Directory.Exists(Path.Combine(root, "sdk")))
        {
            foreach (var sdk in Directory.GetDirectories(Path.Combine(root, "sdk")).OrderByDescending(path => path, StringComparer.Ordinal))
            {
                yield return Path.Combine(sdk, AnalyzerFolder);
            }
        }
    }

    // The analyzers bind to the Roslyn this process already runs; their own folder supplies the rest.
    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
