using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>
/// The capabilities a project allows repairs to add, from <c>.editorconfig</c>:
/// <c>codellama_refactor.allowed_capabilities = file, process</c>. Read from the code as it was, so a candidate cannot
/// allow itself anything.
/// </summary>
public static class AllowedCapabilities
{
    /// <summary>The .editorconfig key.</summary>
    public const string EditorConfigKey = "codellama_refactor.allowed_capabilities";

    /// <summary>What the .editorconfig options of <paramref name="document"/> allow, plus <paramref name="extra"/>.</summary>
    /// <param name="document">The document as it was before the edit.</param>
    /// <param name="extra">Capabilities allowed on the command line.</param>
    /// <param name="cancellationToken">Cancels reading the tree.</param>
    /// <returns>The allowed capabilities; unknown words allow nothing.</returns>
    public static async Task<IReadOnlyCollection<Capability>> ForAsync(Document document, IEnumerable<Capability> extra, CancellationToken cancellationToken)
    {
        var allowed = new HashSet<Capability>(extra);
        if (await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false) is { } tree
            && document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree).TryGetValue(EditorConfigKey, out var value))
        {
            CapabilityNames.TryParse(value, out var named, out _);
            allowed.UnionWith(named);
        }

        return allowed;
    }
}
