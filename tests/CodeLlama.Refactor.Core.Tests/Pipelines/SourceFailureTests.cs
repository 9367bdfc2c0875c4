using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Candidates.ParserRecovery;
using CodeLlama.Refactor.Inference;
using System.Text.Json;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>A candidate source that fails is reported, once per source with the count, instead of reading as "unfixed".</summary>
[Trait("Category", "EndToEnd")]
public sealed class SourceFailureTests
{
    [Fact]
    public async Task ModelThatFailsOnEveryRequest_IsReportedOnceWithTheCount_AndTheOtherSourcesStillRepair()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string>
        {
            // Two errors: a typo the Roslyn fixes repair without the model, and a string times a number.
            ["Sizes.cs"] = "namespace Lib;\n\npublic static class Sizes\n{\n    public const int Unit = 4;\n\n    public static int Twice(string value) => value * 2;\n\n    public static int Four => Unt;\n}\n",
        });
        var model = new FailingModel();

        var result = await FixPipeline.RunAsync(
            SolutionPath.Resolve(solution.Directory),
            new FixOptions(Tests: TestMode.None, DryRun: true, ExtraSources: [new ModelRepairSource(model, candidates: 1)]));

        var warning = Assert.Single(result.LoadDiagnostics, diagnostic => diagnostic.Message.Contains(nameof(ModelRepairSource), StringComparison.Ordinal));
        Assert.False(warning.IsFailure);
        Assert.Equal(
            $"The candidate source ModelRepairSource failed {model.Requests} time(s) and offered nothing there: InferenceException: {FailingModel.Reason}",
            warning.Message);
        Assert.True(model.Requests > 0, "the model was never asked");
        Assert.Contains(result.Errors, record => record.Error.Id == "CS0103" && record.Status == FixStatus.Fixed);

        // The JSON report carries the failure once, typed, and the reason of the error the model could not answer names it.
        using var json = new StringWriter();
        FixReport.Write(result, ReportFormat.Json, json);
        var root = JsonDocument.Parse(json.ToString()).RootElement;
        var failure = Assert.Single(root.GetProperty("sourceFailures").EnumerateArray());
        Assert.Equal(nameof(ModelRepairSource), failure.GetProperty("source").GetString());
        Assert.Equal(model.Requests, failure.GetProperty("count").GetInt32());
        Assert.Equal(nameof(InferenceException), failure.GetProperty("exception").GetString());
        Assert.Equal(FailingModel.Reason, failure.GetProperty("message").GetString());
        var unanswered = root.GetProperty("errors").EnumerateArray().Single(error => error.GetProperty("id").GetString() == "CS0019");
        Assert.Equal([nameof(ModelRepairSource)], unanswered.GetProperty("failedSources").EnumerateArray().Select(source => source.GetString()));
        Assert.EndsWith("(ModelRepairSource failed for this error)", unanswered.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_AreCountedPerSource_AndKeepTheFirstException()
    {
        var failures = new SourceFailures();
        var model = new ModelRepairSource(new FailingModel(), candidates: 1);

        failures.Record(model, new InvalidOperationException("first"));
        failures.Record(new MissingTokenSource(), new InvalidOperationException("other"));
        failures.Record(model, new InvalidOperationException("second"));

        Assert.Equal(
            ["The candidate source MissingTokenSource failed 1 time(s) and offered nothing there: InvalidOperationException: other",
             "The candidate source ModelRepairSource failed 2 time(s) and offered nothing there: InvalidOperationException: first"],
            failures.Warnings().Select(warning => warning.Message));
    }

    // Fails every request, as a GGUF without a chat template does under --repair-prompt instruct.
    private sealed class FailingModel : IInfillModel
    {
        public const string Reason = "the model has no chat template";
        private int requests;

        public string Name => "failing";

        public int ContextSize => 4096;

        public int MaxNewTokens => 32;

        public InfillStatistics Statistics { get; } = new();

        public int Requests => requests;

        public int CountTokens(string text) => text.Length / 3;

        public Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref requests);
            return Task.FromException<InfillResult>(new InferenceException(Reason));
        }
    }
}
