using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Safety;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Pipelines;

/// <summary>A fix the loop applied, to be banned if the tests reject it.</summary>
/// <param name="ErrorKey">The error it repaired.</param>
/// <param name="Source">The candidate's source.</param>
/// <param name="Title">The candidate's title.</param>
/// <param name="Preference">The candidate's preference (higher is less certain); not part of its identity.</param>
public sealed record AppliedFix(DiagnosticKey ErrorKey, string Source, string Title, int Preference = 0)
{
    /// <inheritdoc/>
    public bool Equals(AppliedFix? other) =>
        other is not null && ErrorKey == other.ErrorKey && Source == other.Source && Title == other.Title;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ErrorKey, Source, Title);
}

/// <summary>The in-memory repair loop's outcome.</summary>
/// <param name="Solution">The repaired solution.</param>
/// <param name="Records">Every error seen and what became of it.</param>
/// <param name="Applied">The fixes applied, in order.</param>
/// <param name="Iterations">Rounds run.</param>
public sealed record RepairOutcome(Solution Solution, IReadOnlyList<FixRecord> Records, IReadOnlyList<AppliedFix> Applied, int Iterations);

/// <summary>
/// Compile; take the errors as targets, syntax errors first; for each, gather candidates from every source, verify them
/// by recompiling, and apply the best; repeat until nothing is left, nothing improves, or the rounds run out. Nothing
/// here touches a file.
/// </summary>
internal sealed class RepairLoop(LoadedSolution loaded, IReadOnlyList<ICandidateSource> sources, IProgress<WorkProgress>? progress, SafetyGate? safety = null)
{
    private readonly SafetyGate gate = safety ?? new SafetyGate();

    public async Task<RepairOutcome> RunAsync(int maxIterations, IReadOnlySet<AppliedFix> banned, CancellationToken cancellationToken)
    {
        var solution = loaded.Solution;
        var records = new Dictionary<DiagnosticKey, (CompileError Error, FixStatus Status, string? Source, string? Title, List<TriedCandidate> Tried)>();
        var applied = new List<AppliedFix>();
        var iterations = 0;
        while (iterations < maxIterations)
        {
            var targets = await ErrorsAsync(solution, cancellationToken).ConfigureAwait(false);
            if (targets.Count == 0)
            {
                break;
            }

            iterations++;
            var improved = false;
            var done = 0;
            foreach (var (documentId, key, isSyntax) in targets)
            {
                progress?.Report(new WorkProgress($"Repairing (round {iterations})", ++done, targets.Count, key.Id));
                var document = solution.GetDocument(documentId)!;
                var diagnostic = await FindAsync(document, key, cancellationToken).ConfigureAwait(false);
                if (diagnostic is null)
                {
                    continue;
                }

                if (!records.TryGetValue(key, out var record))
                {
                    record = (ToError(diagnostic, document, isSyntax), FixStatus.Unfixed, null, null, []);
                }

                var verifier = new CompileVerifier(solution, loaded.ProjectsDiagnosingDocumentation);
                var verified = new List<(Candidate Candidate, CompileVerdict Verdict)>();
                var candidates = (await CandidatesAsync(document, diagnostic, cancellationToken).ConfigureAwait(false))
                    .DistinctBy(candidate => (candidate.Source, candidate.Title));
                foreach (var candidate in candidates)
                {
                    if (banned.Contains(new AppliedFix(key, candidate.Source, candidate.Title)))
                    {
                        record.Tried.Add(new TriedCandidate(candidate.Source, candidate.Title, "failed the tests"));
                        continue;
                    }

                    var verdict = await verifier.VerifyAsync(candidate, diagnostic, cancellationToken).ConfigureAwait(false);
                    if (verdict.Accepted && await gate.VerifyAsync(solution, candidate, cancellationToken).ConfigureAwait(false) is { IsSafe: false } unsafeVerdict)
                    {
                        verdict = verdict with { Accepted = false, Reason = unsafeVerdict.Reason };
                    }

                    if (verdict.Accepted)
                    {
                        verified.Add((candidate, verdict));
                    }
                    else
                    {
                        record.Tried.Add(new TriedCandidate(candidate.Source, candidate.Title, $"rejected: {verdict.Reason}"));
                    }
                }

                var ranked = verified
                    .OrderBy(entry => entry.Verdict.ErrorDelta)
                    .ThenBy(entry => entry.Verdict.EditSize)
                    .ThenBy(entry => entry.Candidate.Preference)
                    .ThenByDescending(entry => entry.Candidate.Likelihood)
                    .ThenBy(entry => entry.Candidate.Title, StringComparer.Ordinal)
                    .ToList();
                foreach (var (candidate, verdict) in ranked.Skip(1))
                {
                    record.Tried.Add(new TriedCandidate(candidate.Source, candidate.Title,
                        $"verified (errors {verdict.ErrorDelta:+0;-0;0}, edit {verdict.EditSize} chars), ranked lower"));
                }

                if (ranked.FirstOrDefault().Candidate is { } best)
                {
                    var chosen = ranked[0].Verdict;
                    record.Tried.Add(new TriedCandidate(best.Source, best.Title, $"chosen (errors {chosen.ErrorDelta:+0;-0;0}, edit {chosen.EditSize} chars)"));
                    record = record with { Status = FixStatus.Fixed, Source = best.Source, Title = best.Title };
                    applied.Add(new AppliedFix(key, best.Source, best.Title, best.Preference));
                    solution = best.Solution;
                    improved = true;
                }

                records[key] = record;
            }

            if (!improved)
            {
                break;
            }
        }

        var remaining = (await ErrorsAsync(solution, cancellationToken).ConfigureAwait(false)).Select(target => target.Key).ToHashSet();
        return new RepairOutcome(
            solution,
            records.Select(entry => new FixRecord(
                entry.Value.Error,
                entry.Value.Status == FixStatus.Unfixed && !remaining.Contains(entry.Key) ? FixStatus.Fixed : entry.Value.Status,
                entry.Value.Source,
                entry.Value.Source is null && !remaining.Contains(entry.Key) ? "resolved by another fix" : entry.Value.Title,
                entry.Value.Tried)).ToList(),
            applied,
            iterations);
    }

    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var all = new List<Candidate>();
        foreach (var source in sources)
        {
            try
            {
                all.AddRange(await source.GetCandidatesAsync(document, diagnostic, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A source that fails offers nothing; the others still do.
            }
        }

        return all;
    }

    // The errors of every document, syntax errors first (the command-line compiler hides semantic errors behind them).
    private async Task<IReadOnlyList<(DocumentId DocumentId, DiagnosticKey Key, bool IsSyntax)>> ErrorsAsync(Solution solution, CancellationToken cancellationToken)
    {
        var targets = new List<(DocumentId, DiagnosticKey, bool IsSyntax, int Position)>();
        foreach (var project in solution.Projects.Where(project => project.Language == LanguageNames.CSharp))
        {
            var compilation = (await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            foreach (var diagnostic in compilation.GetDiagnostics(cancellationToken).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
            {
                if (diagnostic.Location.SourceTree is { } tree && project.GetDocument(tree) is { } document)
                {
                    var isSyntax = tree.GetDiagnostics(cancellationToken).Contains(diagnostic);
                    targets.Add((document.Id, DiagnosticKey.From(diagnostic), isSyntax, diagnostic.Location.SourceSpan.Start));
                }
            }
        }

        return targets
            .OrderBy(target => target.IsSyntax ? 0 : 1)
            .ThenBy(target => target.Item2.FilePath, StringComparer.Ordinal)
            .ThenBy(target => target.Position)
            .Select(target => (target.Item1, target.Item2, target.IsSyntax))
            .Distinct()
            .ToList();
    }

    private static async Task<Diagnostic?> FindAsync(Document document, DiagnosticKey key, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model?.GetDiagnostics(cancellationToken: cancellationToken).FirstOrDefault(diagnostic => DiagnosticKey.From(diagnostic) == key);
    }

    private static CompileError ToError(Diagnostic diagnostic, Document document, bool isSyntax)
    {
        var span = diagnostic.Location.GetLineSpan();
        return new CompileError(
            diagnostic.Id,
            diagnostic.GetMessage(),
            document.FilePath,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            isSyntax,
            document.Project.Name);
    }
}
