using CodeLlama.Refactor.Documentation;
using CodeLlama.Refactor.Inference;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

[Trait("Category", "EndToEnd")]
public sealed class DocFilesInFlightTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Doc_keeps_as_many_files_in_flight_as_the_model_takes_requests_at_once(int concurrency)
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(sample.Directory));
        var model = new GatedModel(concurrency);

        await DocPipeline.DocumentAsync(loaded, new DocOptions(DryRun: true, TextSource: new ModelDocText(model)));

        Assert.True(model.Requests > 5, $"{model.Requests} requests");
        Assert.Equal(concurrency, model.MostInFlight);
    }

    // Holds the first requests until as many are in flight as the model takes at once, then answers every request at
    // once: the pipeline must have that many files in flight to get past the first wave (no pause to hope they overlap),
    // and every overlap is counted, so more than that many would show too.
    private sealed class GatedModel(int concurrency) : IInfillModel
    {
        private readonly TaskCompletionSource firstWave = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int inFlight;
        private int mostInFlight;
        private int requests;

        public string Name => "slow";

        public int ContextSize => 16384;

        public int MaxNewTokens => 16;

        public InfillStatistics Statistics { get; } = new();

        public int Concurrency => concurrency;

        public int MostInFlight => mostInFlight;

        public int Requests => requests;

        public int CountTokens(string text) => text.Length / 3;

        public async Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref requests);
            var now = Interlocked.Increment(ref inFlight);
            lock (firstWave)
            {
                mostInFlight = Math.Max(mostInFlight, now);
            }

            try
            {
                if (now == concurrency)
                {
                    firstWave.TrySetResult();
                }

                // A bound only so that a pipeline that never fills its slots fails the test instead of hanging it.
                await firstWave.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
                return new InfillResult([new InfillCompletion("Does the work.", 0, true, 3)], 10, 10, TimeSpan.Zero, TimeSpan.Zero);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }
}
