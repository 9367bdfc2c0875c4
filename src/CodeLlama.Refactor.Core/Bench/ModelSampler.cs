using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Safety;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Bench;

/// <summary>
/// Judges every candidate a model source writes for a mutant on its own, as pass@k needs: the engine writes at most one
/// and tests only what it ranks first. Each candidate goes through the same stages as in <c>fix</c>: the allow-list gate
/// (a refused one never runs), the compile check, then the tests of the projects that depend on the change, in the
/// sandbox.
/// </summary>
internal sealed class ModelSampler(FixOptions options, ISandbox? sandbox)
{
    public async Task<IReadOnlyList<ModelSample>> SampleAsync(
        LoadedSolution loaded, Mutant mutant, IReadOnlyList<ICandidateSource> sources, CancellationToken cancellationToken)
    {
        if (sources.Count == 0 || await TargetAsync(loaded, mutant, cancellationToken).ConfigureAwait(false) is not { } target)
        {
            return [];
        }

        var solution = loaded.Solution;
        var document = solution.GetDocument(target.Diagnostic.Location.SourceTree)!;
        var samples = new List<ModelSample>();
        foreach (var source in sources)
        {
            IReadOnlyList<Candidate> candidates;
            try
            {
                candidates = await source.GetCandidatesAsync(document, target.Diagnostic, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // As in the repair loop: a source that fails offers nothing.
                continue;
            }

            for (var index = 0; index < candidates.Count; index++)
            {
                var candidate = candidates[index] with { Trust = source.Trust };
                var verdict = await JudgeAsync(loaded, mutant, target, candidate, cancellationToken).ConfigureAwait(false);
                samples.Add(new ModelSample(candidate.Source, index, verdict));
            }
        }

        return samples;
    }

    // The mutant's error as the copy's compilation reports it, with its Roslyn project and diagnostic.
    private static async Task<BuildError?> TargetAsync(LoadedSolution loaded, Mutant mutant, CancellationToken cancellationToken)
    {
        var errors = await BuildErrors.FindAsync(loaded.Solution, loaded.ProjectsDiagnosingDocumentation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return errors.FirstOrDefault(error => error.Diagnostic.Id == mutant.Error.Id
            && error.Diagnostic.Location.SourceTree?.FilePath is { } path && loaded.RelativePath(path) == mutant.Error.FilePath
            && error.Diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1 == mutant.Error.Line);
    }

    private async Task<SampleVerdict> JudgeAsync(LoadedSolution loaded, Mutant mutant, BuildError target, Candidate candidate, CancellationToken cancellationToken)
    {
        var solution = loaded.Solution;
        var edits = await SolutionEdits.BetweenAsync(solution, candidate.Solution, cancellationToken).ConfigureAwait(false);
        if (edits is [var only] && loaded.RelativePath(only.FilePath) == mutant.FilePath && only.Updated.ToString() == mutant.Original)
        {
            return SampleVerdict.Exact;
        }

        if (candidate.Trust == CandidateTrust.Untrusted
            && !(await new SafetyGate(options.AllowedCapabilities).VerifyAsync(solution, candidate, cancellationToken).ConfigureAwait(false)).IsSafe)
        {
            return SampleVerdict.Refused;
        }

        var compiled = await new CompileVerifier(solution, loaded.ProjectsDiagnosingDocumentation).VerifyAsync(candidate, target, cancellationToken).ConfigureAwait(false);
        if (compiled.Outcome != Verdict.Accepted)
        {
            return SampleVerdict.DoesNotCompile;
        }

        var changedProjects = edits.SelectMany(edit => solution.GetDocumentIdsWithFilePath(edit.FilePath)).Select(id => id.ProjectId).Distinct();
        var testProjects = TestRunner.AffectedTestProjects(solution, changedProjects);
        if (options.Tests == TestMode.None || testProjects.Count == 0)
        {
            return SampleVerdict.Passes;
        }

        var tests = await TestRunner.RunAsync(
            loaded.RootDirectory,
            edits.Select(edit => (edit.FilePath, edit.Updated.ToString())).ToList(),
            testProjects,
            options.EffectiveTestTimeout,
            sandbox,
            modelWritten: candidate.Trust == CandidateTrust.Untrusted,
            cancellationToken).ConfigureAwait(false);
        return tests.Verdict switch
        {
            TestVerdict.Passed => SampleVerdict.Passes,
            TestVerdict.Failed => SampleVerdict.FailsTests,
            _ => SampleVerdict.NotTested,
        };
    }
}
