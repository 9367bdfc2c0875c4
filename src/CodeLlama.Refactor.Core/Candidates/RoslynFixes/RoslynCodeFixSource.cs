using System.Collections.Immutable;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CodeLlama.Refactor.Candidates.RoslynFixes;

/// <summary>
/// Candidates from the IDE's own code fixes (spell-check, add using, generate member, …). A provider or action that
/// throws, or needs a user interface, is skipped.
/// </summary>
public sealed class RoslynCodeFixSource : ICandidateSource
{
    // Composing the IDE's providers takes a second or more: paid when the first error asks for candidates, once per process.
    private readonly Lazy<IReadOnlyList<CodeFixProvider>> providers;

    /// <summary>A source over <paramref name="providers"/>.</summary>
    /// <param name="providers">The code fix providers to ask.</param>
    public RoslynCodeFixSource(IReadOnlyList<CodeFixProvider> providers) => this.providers = new(providers);

    /// <summary>A source over every C# code fix provider of the IDE, composed when first asked for candidates.</summary>
    public RoslynCodeFixSource() => providers = new(() => FeatureHost.CodeFixProviders);

    /// <inheritdoc/>
    public CandidateTrust Trust => CandidateTrust.Trusted;

    // The providers are asked at once, as the IDE asks them (the spelling fix alone takes most of a second on a large
    // file); their candidates come in the providers' order.

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var perProvider = await Task.WhenAll(providers.Value.Where(provider => provider.FixableDiagnosticIds.Contains(diagnostic.Id))
            .Select(provider => Task.Run(() => CandidatesOfAsync(provider, document, diagnostic, cancellationToken), cancellationToken)))
            .ConfigureAwait(false);
        return [.. perProvider.SelectMany(candidates => candidates)];
    }

    private static async Task<IReadOnlyList<Candidate>> CandidatesOfAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        try
        {
            // Providers may register from several threads.
            var context = new CodeFixContext(document, diagnostic, (action, _) => { lock (actions) { actions.Add(action); } }, cancellationToken);
            await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return [];
        }

        var name = ProviderName(provider);
        var candidates = new List<Candidate>();
        foreach (var action in actions.SelectMany(Flatten))
        {
            if (await TryApplyAsync(action, cancellationToken).ConfigureAwait(false) is { } solution
                && solution != document.Project.Solution)
            {
                candidates.Add(new Candidate($"roslyn:{name}", action.Title, solution, Preference(name)));
            }
        }

        return candidates;
    }

    private static async Task<Solution?> TryApplyAsync(CodeAction action, CancellationToken cancellationToken)
    {
        try
        {
            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            return operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Some actions need services only an IDE has (option dialogs, previews): they are not candidates here.
            return null;
        }
    }

    private static IEnumerable<CodeAction> Flatten(CodeAction action) =>
        action.NestedActions.IsDefaultOrEmpty ? [action] : action.NestedActions.SelectMany(Flatten);

    private static string ProviderName(CodeFixProvider provider)
    {
        var name = provider.GetType().Name;
        foreach (var affix in new[] { "CodeFixProvider", "CSharp" })
        {
            name = name.Replace(affix, "", StringComparison.Ordinal);
        }

        return name.Length == 0 ? provider.GetType().Name : name;
    }

    // Corrections that use what exists come before fixes that create something new to match a mistake.
    private static int Preference(string providerName) => providerName switch
    {
        _ when providerName.Contains("SpellCheck", StringComparison.Ordinal) => 1,
        _ when providerName.Contains("AddImport", StringComparison.Ordinal) => 1,
        _ when providerName.Contains("FullyQualify", StringComparison.Ordinal) => 2,
        _ when providerName.StartsWith("Generate", StringComparison.Ordinal) => 4,
        _ => 3,
    };
}
