using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLlama.Refactor.Reports;

/// <summary>
/// Writes findings as a SARIF 2.1.0 log for code scanning (GitHub's upload-sarif): one run, one rule per id with its
/// descriptions, help and level, paths relative to the repository's root, a fingerprint per result that survives line
/// moves, the verified edit of a dry run as <c>fixes</c>, and at most <see cref="MaxResults"/> results, the most severe first.
/// </summary>
public static class SarifWriter
{
    /// <summary>The SARIF <c>uriBaseId</c> that result paths are relative to.</summary>
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>GitHub code scanning's limit on the results of one run that it keeps.</summary>
    public const int MaxResults = 5000;

    private const string ToolName = "codellama-refactor";
    private const string FingerprintKey = "codellamaRefactor/v1";

    /// <summary>The tool's version as its assemblies carry it, without the source revision.</summary>
    public static string ToolVersion { get; } =
        (typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    /// <summary>Builds the SARIF log.</summary>
    /// <param name="findings">The results, in report order.</param>
    /// <param name="rootDirectory">The absolute folder the findings' relative paths start from (the solution's).</param>
    /// <param name="sarifRoot">The folder SARIF paths are made relative to (the repository's top folder); null for <paramref name="rootDirectory"/>.</param>
    /// <returns>The log as a JSON document.</returns>
    public static JsonObject Build(IReadOnlyList<Finding> findings, string rootDirectory, string? sarifRoot = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var root = Path.GetFullPath(sarifRoot ?? rootDirectory);
        var located = findings.Select(finding => (Finding: finding, Uri: Uri(finding, rootDirectory, root))).ToList();
        var ordered = located
            .OrderBy(entry => entry.Finding.Level)
            .ThenBy(entry => entry.Uri, StringComparer.Ordinal)
            .ThenBy(entry => entry.Finding.Line)
            .ThenBy(entry => entry.Finding.Column)
            .ThenBy(entry => entry.Finding.RuleId, StringComparer.Ordinal)
            .ToList();
        var kept = ordered.Take(MaxResults).ToList();
        var ruleIds = kept.Select(entry => entry.Finding.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rules = new JsonArray(ruleIds
            .Select(id => (JsonNode)SarifRules.Describe(id, kept.First(entry => entry.Finding.RuleId == id).Finding)).ToArray());

        var run = new JsonObject
        {
            ["tool"] = new JsonObject
            {
                ["driver"] = new JsonObject
                {
                    ["name"] = ToolName,
                    ["version"] = ToolVersion,
                    ["semanticVersion"] = ToolVersion,
                    ["informationUri"] = "https://github.com/codellama-refactor/codellama-refactor",
                    ["rules"] = rules,
                },
            },
            ["originalUriBaseIds"] = new JsonObject
            {
                [SourceRootId] = new JsonObject { ["uri"] = new Uri(WithTrailingSeparator(root)).AbsoluteUri },
            },
            ["results"] = new JsonArray(kept.Select(entry => (JsonNode)Result(entry.Finding, entry.Uri, ruleIds.IndexOf(entry.Finding.RuleId))).ToArray()),
        };
        if (ordered.Count > kept.Count)
        {
            run["properties"] = new JsonObject { ["truncated"] = true, ["totalResults"] = ordered.Count };
        }

        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
    }

    /// <summary>Writes the SARIF log to <paramref name="writer"/>, indented.</summary>
    /// <param name="findings">The results, in report order.</param>
    /// <param name="rootDirectory">The absolute folder the findings' relative paths start from.</param>
    /// <param name="writer">Where the log goes.</param>
    /// <param name="sarifRoot">The folder SARIF paths are relative to; null for <paramref name="rootDirectory"/>.</param>
    public static void Write(IReadOnlyList<Finding> findings, string rootDirectory, TextWriter writer, string? sarifRoot = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Build(findings, rootDirectory, sarifRoot).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    // Relative to the SARIF root when the file is under it, else an absolute file URI.
    private static string? Uri(Finding finding, string rootDirectory, string sarifRoot)
    {
        if (finding.File is null)
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(rootDirectory, finding.File));
        var relative = Path.GetRelativePath(sarifRoot, full).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? new Uri(full).AbsoluteUri
            : System.Uri.EscapeDataString(relative).Replace("%2F", "/", StringComparison.Ordinal);
    }

    private static JsonObject Result(Finding finding, string? uri, int ruleIndex)
    {
        var result = new JsonObject
        {
            ["ruleId"] = finding.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = SarifRules.Level(finding.Level),
            ["message"] = new JsonObject { ["text"] = finding.Message },
        };
        if (uri is null)
        {
            return result;
        }

        var artifactLocation = new JsonObject { ["uri"] = uri };
        if (!uri.StartsWith("file:", StringComparison.Ordinal))
        {
            artifactLocation["uriBaseId"] = SourceRootId;
        }

        var physicalLocation = new JsonObject { ["artifactLocation"] = artifactLocation };
        if (finding.Line > 0)
        {
            physicalLocation["region"] = new JsonObject { ["startLine"] = finding.Line, ["startColumn"] = Math.Max(1, finding.Column) };
        }

        result["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physicalLocation });
        // Rule, file and message, not the line: the same finding keeps its identity when code above it moves.
        result["partialFingerprints"] = new JsonObject { [FingerprintKey] = Fingerprint($"{finding.RuleId}|{uri}|{finding.Message}") };
        if (finding.Fix is { } fix)
        {
            result["fixes"] = new JsonArray(Fix(fix, artifactLocation));
        }

        return result;
    }

    private static JsonObject Fix(FindingFix fix, JsonObject artifactLocation) => new()
    {
        ["description"] = new JsonObject { ["text"] = fix.Description },
        ["artifactChanges"] = new JsonArray(new JsonObject
        {
            ["artifactLocation"] = artifactLocation.DeepClone(),
            ["replacements"] = new JsonArray(fix.Replacements.Select(replacement => (JsonNode)new JsonObject
            {
                ["deletedRegion"] = new JsonObject { ["charOffset"] = replacement.CharOffset, ["charLength"] = replacement.CharLength },
                ["insertedContent"] = new JsonObject { ["text"] = replacement.InsertedText },
            }).ToArray()),
        }),
    };

    private static string Fingerprint(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static string WithTrailingSeparator(string directory) =>
        Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
}
