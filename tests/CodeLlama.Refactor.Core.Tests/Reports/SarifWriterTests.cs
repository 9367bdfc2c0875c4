using System.Text.Json;
using System.Text.Json.Nodes;
using CodeLlama.Refactor.Reports;
using Json.Schema;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Reports;

public sealed class SarifWriterTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "TestData", "sarif-schema-2.1.0.json"));

    private static readonly Finding[] Findings =
    [
        new("CS1002", "; expected", "src/App/Program.cs", 3, 14, FindingLevel.Error),
        new("CS1591", "Missing XML comment for class 'App.Widget'", "src/App/My Widget.cs", 5, 1, FindingLevel.Warning),
        new("CS0103", "The name 'x' does not exist", "src/App/Program.cs", 9, 5, FindingLevel.Error),
        new("CS5001", "Program does not contain a static 'Main' method", null, 0, 0, FindingLevel.Error),
    ];

    [Fact]
    public void Log_IsValidAgainstTheSarif210Schema()
    {
        var log = SarifWriter.Build(Findings, "/repo");

        var evaluation = Schema.Evaluate(ToElement(log), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(evaluation.IsValid, string.Join("\n", (evaluation.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}"))));
    }

    [Fact]
    public void SchemaCheck_RejectsALogThatBreaksTheSchema()
    {
        var log = SarifWriter.Build(Findings, "/repo");
        log["runs"]![0]!["results"]![0]!["level"] = "fatal";

        Assert.False(Schema.Evaluate(ToElement(log)).IsValid);
    }

    private static JsonElement ToElement(JsonObject log) => JsonDocument.Parse(log.ToJsonString()).RootElement;

    [Fact]
    public void Log_HasOneRunOneRulePerIdAndRelativeLocations()
    {
        var run = SarifWriter.Build(Findings, "/repo")["runs"]!.AsArray().Single()!;

        Assert.Equal("codellama-refactor", (string?)run["tool"]!["driver"]!["name"]);
        Assert.Equal(["CS0103", "CS1002", "CS1591", "CS5001"],
            run["tool"]!["driver"]!["rules"]!.AsArray().Select(rule => (string?)rule!["id"]));
        var location = Result(run, "CS1591")["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("src/App/My%20Widget.cs", (string?)location["artifactLocation"]!["uri"]);
        Assert.Equal(SarifWriter.SourceRootId, (string?)location["artifactLocation"]!["uriBaseId"]);
        Assert.Equal(5, (int?)location["region"]!["startLine"]);
        Assert.Equal("file:///repo/", (string?)run["originalUriBaseIds"]![SarifWriter.SourceRootId]!["uri"]);
        Assert.Null(Result(run, "CS5001")["locations"]);
    }

    [Fact]
    public void Paths_AreRelativeToTheSarifRoot_SoASolutionInASubfolderMapsToTheRepositorysFiles()
    {
        var run = SarifWriter.Build(Findings, "/repo/services/api", sarifRoot: "/repo")["runs"]![0]!;

        Assert.Equal("services/api/src/App/Program.cs", (string?)Result(run, "CS1002")["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.Equal("file:///repo/", (string?)run["originalUriBaseIds"]![SarifWriter.SourceRootId]!["uri"]);
    }

    [Fact]
    public void Rules_CarryDescriptionsHelpAndLevel_AndTheToolItsOwnVersion()
    {
        var driver = SarifWriter.Build(Findings, "/repo")["runs"]![0]!["tool"]!["driver"]!;
        var props = File.ReadAllText(Path.Combine(CodeLlama.Refactor.Testing.Samples.RepositoryRoot, "Directory.Build.props"));

        Assert.Contains($"<Version>{(string?)driver["version"]}</Version>", props, StringComparison.Ordinal);
        foreach (var rule in driver["rules"]!.AsArray())
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)rule!["shortDescription"]!["text"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["fullDescription"]!["text"]));
            Assert.StartsWith("https://", (string?)rule["helpUri"], StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["help"]!["text"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["help"]!["markdown"]));
        }

        Assert.Equal("error", (string?)driver["rules"]!.AsArray().Single(rule => (string?)rule!["id"] == "CS1002")!["defaultConfiguration"]!["level"]);
        Assert.Equal("warning", (string?)driver["rules"]!.AsArray().Single(rule => (string?)rule!["id"] == "CS1591")!["defaultConfiguration"]!["level"]);
    }

    [Fact]
    public void Fingerprints_SurviveALineMove_AndTellFindingsApart()
    {
        static string Fingerprint(Finding finding) =>
            SarifWriter.Build([finding], "/repo")["runs"]![0]!["results"]![0]!["partialFingerprints"]!.AsObject().Single().Value!.ToString();

        var moved = Findings[0] with { Line = 40 };

        Assert.Equal(Fingerprint(Findings[0]), Fingerprint(moved));
        Assert.NotEqual(Fingerprint(Findings[0]), Fingerprint(Findings[2]));
    }

    [Fact]
    public void Results_AreCappedAtGitHubsLimit_MostSevereFirst()
    {
        var many = Enumerable.Range(1, SarifWriter.MaxResults + 10)
            .Select(line => new Finding("CS1591", "Missing XML comment", "src/A.cs", line, 1, FindingLevel.Warning))
            .Append(new Finding("CS0103", "The name 'x' does not exist", "src/Z.cs", 1, 1, FindingLevel.Error))
            .ToList();

        var run = SarifWriter.Build(many, "/repo")["runs"]![0]!;

        Assert.Equal(SarifWriter.MaxResults, run["results"]!.AsArray().Count);
        Assert.Equal("CS0103", (string?)run["results"]![0]!["ruleId"]);
        Assert.Equal(SarifWriter.MaxResults + 11, (int?)run["properties"]!["totalResults"]);
    }

    [Fact]
    public void Fixes_HoldReplacementsThatTurnTheFileIntoTheVerifiedEdit_AndStayValidSarif()
    {
        var original = SourceText.From("namespace A;\r\n\r\npublic class B { }\r\npublic class C { }\r\n");
        var updated = SourceText.From("namespace A;\r\n\r\n/// <summary>B.</summary>\r\npublic class B { }\r\npublic class D { }\r\n");
        var fix = new FindingFix("Add documentation", FindingFix.Between(original, updated));
        var log = SarifWriter.Build([new Finding("CS1591", "Missing XML comment", "src/B.cs", 3, 14, FindingLevel.Warning, fix)], "/repo");

        var replacements = log["runs"]![0]!["results"]![0]!["fixes"]![0]!["artifactChanges"]![0]!["replacements"]!.AsArray();
        var text = original.ToString();
        foreach (var replacement in replacements.Reverse())
        {
            var offset = (int)replacement!["deletedRegion"]!["charOffset"]!;
            var length = (int)replacement["deletedRegion"]!["charLength"]!;
            text = text[..offset] + (string)replacement["insertedContent"]!["text"]! + text[(offset + length)..];
        }

        Assert.Equal(updated.ToString(), text);
        Assert.Equal(2, replacements.Count);
        Assert.True(Schema.Evaluate(ToElement(log)).IsValid);
    }

    private static JsonNode Result(JsonNode run, string ruleId) =>
        run["results"]!.AsArray().Single(result => (string?)result!["ruleId"] == ruleId)!;
}
