using CodeLlama.Refactor.Inference;

namespace CodeLlama.Refactor.Core.Tests.Bench;

/// <summary>
/// A model that knows the files as they were before the errors were injected: for the repair prompt of a gap it answers
/// with the original code of that gap, passed through <c>answer</c> (the identity for a model that repairs right, a
/// change that still compiles for one that repairs wrong). It reads the gap from the real prompt: the suffix is the
/// file after the gap, and the prefix is the file before the gap's line, the comment block, then the gap line's start.
/// </summary>
internal sealed class ScriptedRepairModel(string name, IReadOnlyList<string> originals, Func<string, string> answer) : IInfillModel
{
    private int requests;

    public string Name => name;

    public int ContextSize => 1 << 20;

    public int MaxNewTokens => 256;

    public InfillStatistics Statistics { get; } = new();

    public int Requests => requests;

    public int CountTokens(string text) => text.Length / 4;

    public Task<InfillResult> InfillAsync(InfillRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requests);
        var middles = originals.Select(original => Middle(original, request)).OfType<string>().Take(1)
            .Select(middle => new InfillCompletion(answer(middle), -1, Finished: true, TokenCount: middle.Length / 4));
        return Task.FromResult(new InfillResult([.. middles], 0, 0, TimeSpan.Zero, TimeSpan.Zero));
    }

    private static string? Middle(string original, InfillRequest request)
    {
        var suffix = request.Suffix.ReplaceLineEndings("\n");
        original = original.ReplaceLineEndings("\n");
        if (!original.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        // The gap line starts after the last whole line of the original that the prefix still holds.
        var prefix = request.Prefix.ReplaceLineEndings("\n");
        var lineStart = 0;
        while (original.IndexOf('\n', lineStart) + 1 is var next and > 0 && prefix.StartsWith(original[..next], StringComparison.Ordinal))
        {
            lineStart = next;
        }

        var lead = request.Prefix[(request.Prefix.LastIndexOf('\n') + 1)..];
        var start = lineStart + lead.Length;
        var end = original.Length - suffix.Length;
        return start <= end ? original[start..end] : null;
    }
}
