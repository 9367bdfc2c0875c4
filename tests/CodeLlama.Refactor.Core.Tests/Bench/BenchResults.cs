using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Pipelines;

namespace CodeLlama.Refactor.Core.Tests.Bench;

/// <summary>Bench results built by hand, for the reports: one mutant of each outcome, and a model's samples.</summary>
internal static class BenchResults
{
    public static BenchResult OneOfEach(bool interrupted = false)
    {
        MutantKind[] kinds = [MutantKind.Syntax, MutantKind.MisspelledName, MutantKind.TypeMismatch];
        var runs = new List<MutantRun>
        {
            Run(1, MutantKind.Syntax, BenchOutcome.Exact, "parser", "Insert ';'", samples: [new("model:m", 0, SampleVerdict.Exact)]),
            Run(2, MutantKind.MisspelledName, BenchOutcome.Passes, "roslyn:SpellCheck", "Change 'prie' to 'price'",
                samples: [new("model:m", 0, SampleVerdict.DoesNotCompile), new("model:m", 1, SampleVerdict.Passes)]),
            Run(3, MutantKind.TypeMismatch, BenchOutcome.Left, null, null, ReasonKind.NoCandidate, samples: [new("model:m", 0, SampleVerdict.FailsTests)]),
            Run(4, MutantKind.TypeMismatch, BenchOutcome.Wrong, "model:m", "Rewrite", fault: BenchFault.TestsFail, samples: [new("model:m", 0, SampleVerdict.Refused)]),
        };
        return new BenchResult("/src/app", new MutantPlan(4, kinds, 7), 4, runs, 2, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(6), interrupted, []);
    }

    private static MutantRun Run(
        int number, MutantKind kind, BenchOutcome outcome, string? source, string? title, ReasonKind? reason = null, BenchFault? fault = null,
        IReadOnlyList<ModelSample>? samples = null) => new(
        new Mutant(number, kind, "src/Stock.cs", $"change {number}", "original", "broken", new MutantError("CS0103", "The name 'prie' does not exist", "src/Stock.cs", 10 + number), 1, null),
        outcome,
        source,
        title,
        reason,
        fault,
        TimeSpan.FromSeconds(number),
        outcome is BenchOutcome.Exact or BenchOutcome.Passes,
        samples ?? []);
}
