using System.Text.Json.Nodes;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Reports;

/// <summary>A dry run of doc as SARIF: each result's fix holds the comment of its own member and nothing else.</summary>
public sealed class DocSarifFixTests
{
    private const string Original =
        "namespace A;\n"
        + "\n"
        + "/// <summary>Exists.</summary>\n"
        + "public class B\n"
        + "{\n"
        + "    public int Count { get; }\n"
        + "\n"
        + "    /// <summary>Adds.</summary>\n"
        + "    [System.Obsolete]\n"
        + "    public int Add(int x) => x;\n"
        + "}\n";

    private const string Updated =
        "namespace A;\n"
        + "\n"
        + "/// <summary>Exists.</summary>\n"
        + "public class B\n"
        + "{\n"
        + "    /// <summary>Gets the count.</summary>\n"
        + "    public int Count { get; }\n"
        + "\n"
        + "    /// <summary>Adds.</summary>\n"
        + "    /// <param name=\"x\">The x.</param>\n"
        + "    /// <returns>The sum.</returns>\n"
        + "    [System.Obsolete]\n"
        + "    public int Add(int x) => x;\n"
        + "}\n";

    [Fact]
    public void EachResult_CarriesOnlyItsMembersEdit_AndTheFixesTogetherMakeTheFilesEdit()
    {
        var run = DryRunSarif()["runs"]![0]!;
        var results = run["results"]!.AsArray();

        Assert.Equal(2, results.Count);
        var count = Apply(Original, Replacements(results.Single(result => (int?)Region(result!)["startLine"] == 6)!));
        var add = Apply(Original, Replacements(results.Single(result => (int?)Region(result!)["startLine"] == 10)!));
        Assert.Contains("Gets the count.", count, StringComparison.Ordinal);
        Assert.DoesNotContain("<param", count, StringComparison.Ordinal);
        Assert.Contains("<param name=\"x\">", add, StringComparison.Ordinal);
        Assert.DoesNotContain("Gets the count.", add, StringComparison.Ordinal);

        var all = results.SelectMany(result => Replacements(result!)).OrderBy(replacement => (int)replacement["deletedRegion"]!["charOffset"]!).ToList();
        Assert.Equal(Updated, Apply(Original, all));
    }

    [Fact]
    public void Rules_CarryHelpTextAndMarkdown_AsGitHubAsks()
    {
        var rules = DryRunSarif()["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();

        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var helpUri = (string?)rule!["helpUri"];
            Assert.Contains(helpUri!, (string?)rule["help"]!["text"], StringComparison.Ordinal);
            Assert.Contains($"]({helpUri})", (string?)rule["help"]!["markdown"], StringComparison.Ordinal);
        }
    }

    private static JsonNode DryRunSarif()
    {
        var root = Path.Combine(Path.GetTempPath(), "doc-sarif");
        var file = Path.Combine(root, "B.cs");
        var edit = new FileEdit(file, SourceText.From(Original), SourceText.From(Updated));
        var result = new DocResult(
            root,
            new Coverage(2, 4),
            new Coverage(4, 4),
            [
                new DocumentedMember("A.B.Count", "property", file, 6, ["summary"], Completed: false),
                new DocumentedMember("A.B.Add(int)", "method", file, 10, ["param x", "returns"], Completed: true, DocumentedMember.MissingParamTag),
            ],
            [new FileOutcome(FileStatus.DryRun, "B.cs", edit, null)],
            [],
            TimeSpan.Zero,
            [],
            []);
        using var writer = new StringWriter();
        DocReport.Write(result, ReportFormat.Sarif, writer);
        return JsonNode.Parse(writer.ToString())!;
    }

    private static JsonNode Region(JsonNode result) => result["locations"]![0]!["physicalLocation"]!["region"]!;

    private static List<JsonNode> Replacements(JsonNode result) =>
        result["fixes"]!.AsArray().Single()!["artifactChanges"]![0]!["replacements"]!.AsArray().Select(node => node!).ToList();

    // Applies replacements given in the original text's offsets, last first so earlier offsets stay valid.
    private static string Apply(string text, IEnumerable<JsonNode> replacements)
    {
        foreach (var replacement in replacements.OrderByDescending(node => (int)node["deletedRegion"]!["charOffset"]!))
        {
            var offset = (int)replacement["deletedRegion"]!["charOffset"]!;
            var length = (int)replacement["deletedRegion"]!["charLength"]!;
            text = text[..offset] + (string)replacement["insertedContent"]!["text"]! + text[(offset + length)..];
        }

        return text;
    }
}
