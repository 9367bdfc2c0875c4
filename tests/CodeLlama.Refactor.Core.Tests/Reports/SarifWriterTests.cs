using System.Text.Json;
using System.Text.Json.Nodes;
using CodeLlama.Refactor.Reports;
using Json.Schema;

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
        var location = run["results"]![1]!["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("src/App/My%20Widget.cs", (string?)location["artifactLocation"]!["uri"]);
        Assert.Equal(SarifWriter.SourceRootId, (string?)location["artifactLocation"]!["uriBaseId"]);
        Assert.Equal(5, (int?)location["region"]!["startLine"]);
        Assert.Equal("file:///repo/", (string?)run["originalUriBaseIds"]![SarifWriter.SourceRootId]!["uri"]);
        Assert.Null(run["results"]![3]!["locations"]);
    }
}
