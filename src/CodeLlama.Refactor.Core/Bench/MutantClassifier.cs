using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Bench;

/// <summary>
/// Decides what a fix run on a mutant came to, from what the files say afterwards rather than from the engine's own
/// verdicts: exact when the original text is back and the solution builds; when different text was written, the
/// tests of the changed project are run again by the bench, so that a wrong repair the engine let through is counted.
/// </summary>
internal static class MutantClassifier
{
    public static async Task<MutantRun> ClassifyAsync(
        LoadedSolution loaded,
        Mutant mutant,
        FixResult result,
        int errorsBefore,
        string after,
        FixOptions fix,
        ISandbox? sandbox,
        CancellationToken cancellationToken)
    {
        var record = result.Errors.FirstOrDefault(record => record.Error.Id == mutant.Error.Id && record.Error.Line == mutant.Error.Line)
            ?? result.Errors.FirstOrDefault();
        var chosen = record is { Status: FixStatus.Fixed, Source: not null } ? record
            : result.Errors.FirstOrDefault(candidate => candidate is { Status: FixStatus.Fixed, Source: not null });
        var run = new MutantRun(mutant, BenchOutcome.Left, chosen?.Source, chosen?.Title, null, null, TimeSpan.Zero, false, []) { Group = chosen?.Group };
        var written = result.Files.Where(file => file.Status == FileStatus.Written).ToList();
        if (written.Count == 0)
        {
            return run with { Source = null, Title = null, Group = null, LeftReason = record?.Reason?.Kind ?? ReasonKind.NoCandidate };
        }

        if (result.Remaining.Count > errorsBefore)
        {
            return run with { Outcome = BenchOutcome.Wrong, Fault = BenchFault.BuildWorse };
        }

        if (result.Remaining.Count > 0)
        {
            return run with { Fault = BenchFault.ErrorsRemain, LeftReason = record?.Reason?.Kind };
        }

        // Exact: the user's own code is back. It counts as verified once tests that reach it have passed with it.
        var exact = after == mutant.Original && written.Count == 1;
        var outcome = exact ? BenchOutcome.Exact : BenchOutcome.Passes;
        if (result.Tests?.Succeeded == true && exact)
        {
            return run with { Outcome = outcome, TestsVerified = true };
        }

        var changedProjects = written.SelectMany(file => loaded.Solution.GetDocumentIdsWithFilePath(file.Edit.FilePath)).Select(id => id.ProjectId).Distinct();
        var testProjects = TestRunner.AffectedTestProjects(loaded.Solution, changedProjects);
        if (fix.Tests == TestMode.None || testProjects.Count == 0)
        {
            return run with { Outcome = outcome, TestsVerified = false };
        }

        // The files are written in the copy already: the tests run over it as it is.
        var tests = await TestRunner.RunAsync(loaded.RootDirectory, [], testProjects, fix.EffectiveTestTimeout, sandbox,
            modelWritten: chosen?.Source?.StartsWith("model:", StringComparison.Ordinal) == true, cancellationToken).ConfigureAwait(false);
        return tests.Verdict == TestVerdict.Failed && !exact
            ? run with { Outcome = BenchOutcome.Wrong, Fault = BenchFault.TestsFail }
            : run with { Outcome = outcome, TestsVerified = tests.Succeeded };
    }
}
