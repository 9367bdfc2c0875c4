using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLlama.Refactor.Reports;

/// <summary>Writes findings as a SARIF 2.1.0 log with one run, one rule per id, paths relative to the solution's folder.</summary>
public static class SarifWriter
{
    /// <summary>The SARIF <c>uriBaseId</c> that result paths are relative to.</summary>
    public const string SourceRootId = "SRCROOT";

    private const string ToolName = "codellama-refactor";

    /// <summary>Builds the SARIF log.</summary>
    /// <param name="findings">The results, in report order.</param>
    /// <param name="rootDirectory">The absolute folder the relative paths start from.</param>
    /// <returns>The log as a JSON document.</returns>
    public static JsonObject Build(IReadOnlyList<Finding> findings, string rootDirectory)
    {
        var ruleIds = findings.Select(finding => finding.RuleId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rules = new JsonArray(ruleIds.Select(id => (JsonNode)new JsonObject { ["id"] = id }).ToArray());

        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = ToolName,
                        ["version"] = typeof(SarifWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
                        ["rules"] = rules,
                    },
                },
                ["originalUriBaseIds"] = new JsonObject
                {
                    [SourceRootId] = new JsonObject { ["uri"] = new Uri(WithTrailingSeparator(rootDirectory)).AbsoluteUri },
                },
                ["results"] = new JsonArray(findings.Select(finding => (JsonNode)Result(finding, ruleIds.IndexOf(finding.RuleId))).ToArray()),
            }),
        };
    }

    /// <summary>Writes the SARIF log to <paramref name="writer"/>, indented.</summary>
    /// <param name="findings">The results, in report order.</param>
    /// <param name="rootDirectory">The absolute folder the relative paths start from.</param>
    /// <param name="writer">Where the log goes.</param>
    public static void Write(IReadOnlyList<Finding> findings, string rootDirectory, TextWriter writer) =>
        writer.WriteLine(Build(findings, rootDirectory).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    private static JsonObject Result(Finding finding, int ruleIndex)
    {
        var result = new JsonObject
        {
            ["ruleId"] = finding.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = finding.Level.ToString().ToLowerInvariant(),
            ["message"] = new JsonObject { ["text"] = finding.Message },
        };
        if (finding.File is not null)
        {
            var physicalLocation = new JsonObject
            {
                ["artifactLocation"] = new JsonObject
                {
                    ["uri"] = Uri.EscapeDataString(finding.File).Replace("%2F", "/", StringComparison.Ordinal),
                    ["uriBaseId"] = SourceRootId,
                },
            };
            if (finding.Line > 0)
            {
                physicalLocation["region"] = new JsonObject
                {
                    ["startLine"] = finding.Line,
                    ["startColumn"] = Math.Max(1, finding.Column),
                };
            }

            result["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physicalLocation });
        }

        return result;
    }

    private static string WithTrailingSeparator(string directory) =>
        Path.EndsInDirectorySeparator(directory) ? directory : directory + Path.DirectorySeparatorChar;
}
