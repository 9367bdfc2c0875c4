using System.Text.Json.Nodes;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>
/// The SARIF of <c>check</c> and of <c>doc --dry-run</c> validated by sarif-multitool with the SARIF specification's
/// rules and GitHub code scanning's (<c>--rule-kind "Sarif;Gh"</c>), as GitHub would take it.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class SarifValidationTests
{
    [SarifMultitoolFact]
    public async Task CheckAndDocDryRunSarif_HaveNoValidationError_WhileALogWithoutHelpHasOne()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var solution = Path.Combine(sample.Directory, "Undocumented.sln");
        var check = sample.File("check.sarif");
        var doc = sample.File("doc.sarif");
        Assert.Equal(ExitCodes.FindingsRemain, (await CliRunner.RunAsync("check", solution, "--format", "sarif", "--output", check)).ExitCode);
        await CliRunner.RunAsync("doc", solution, "--dry-run", "--format", "sarif", "--output", doc);
        // The control: GitHub's rules reject a rule without help (GH2012), so the validation can fail.
        var withoutHelp = sample.File("without-help.sarif");
        var log = JsonNode.Parse(File.ReadAllText(check))!;
        foreach (var rule in log["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray())
        {
            rule!.AsObject().Remove("help");
        }

        File.WriteAllText(withoutHelp, log.ToJsonString());

        Assert.NotEmpty(Results(check));
        Assert.NotEmpty(Results(doc));
        Assert.Empty(await ValidationErrorsAsync(check));
        Assert.Empty(await ValidationErrorsAsync(doc));
        Assert.Contains(await ValidationErrorsAsync(withoutHelp), error => error.StartsWith("GH2012:", StringComparison.Ordinal));
    }

    private static JsonArray Results(string sarif) => JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!["results"]!.AsArray();

    // sarif-multitool exits 0 whatever it finds: its findings are in the log it writes, each an error or a warning.
    private static async Task<IReadOnlyList<string>> ValidationErrorsAsync(string sarif)
    {
        var report = sarif + ".validation.sarif";
        var (exitCode, output) = await CiTools.RunAsync(
            CiTools.SarifMultitool, Path.GetDirectoryName(sarif)!, null, "validate", "--rule-kind", "Sarif;Gh", "--output", report, sarif);
        Assert.True(exitCode == 0 && File.Exists(report), output);
        return Results(report)
            .Where(result => (string?)result!["level"] is "error" or "warning" or null)
            .Select(result => $"{result!["ruleId"]}: {result["message"]?["id"]} {result["message"]?["arguments"]?.ToJsonString()}")
            .ToList();
    }
}
