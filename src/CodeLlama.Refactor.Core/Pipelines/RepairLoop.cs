using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Ranking;
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
/// <param name="Remaining">The build errors of <paramref name="Solution"/>.</param>
public sealed record RepairOutcome(
    Solution Solution, IReadOnlyList<FixRecord> Records, IReadOnlyList<AppliedFix> Applied, int Iterations, IReadOnlyList<BuildError> Remaining);

/// <summary>
/// Rounds of Targets → Candidates → Verification → Ranking, in memory: take the build errors (<see cref="BuildErrors"/>),
/// gather candidates for each from every source, carry each to every document of its file, verify it by recompiling in
/// every project that compiles that file and through the safety gate, and apply the best; repeat until nothing is left,
/// nothing improves, or the rounds run out. Nothing here touches a file.
/// </summary>
internal sealed class RepairLoop(LoadedSolution loaded, IReadOnlyList<ICandidateSource> sources, IProgress<WorkProgress>? progress, SafetyGate? safety = null, Func<BuildError, bool>? inScope = null)
{
    private readonly SafetyGate gate = safety ?? new SafetyGate();

    private sealed class Record(CompileError error)
    {
        public CompileError Error { get; } = error;

        public AppliedFix? Chosen { get; set; }

        public List<TriedCandidate> Tried { get; } = [];
    }

    public async Task<RepairOutcome> RunAsync(int maxIterations, IReadOnlySet<AppliedFix> banned, CancellationToken cancellationToken)
    {
        var solution = loaded.Solution;
        // One record per error as first seen: errors with the same id, file and message (a deleted using leaves dozens)
        // are told apart by their order in the file, and each target framework's project counts its own.
        var records = new Dictionary<(ProjectId Project, DiagnosticKey Key), List<Record>>();
        var applied = new List<AppliedFix>();
        var iterations = 0;
        while (iterations < maxIterations)
        {
            var targets = await BuildErrors.FindAsync(solution, loaded.ProjectsDiagnosingDocumentation, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var located = targets.Where(target => target.Document is not null && (inScope is null || inScope(target))).ToList();
            if (located.Count == 0)
            {
                break;
            }

            iterations++;
            var open = OpenRecords(records, located);
            var improved = false;
            var done = 0;
            foreach (var stale in located)
            {
                progress?.Report(new WorkProgress($"Repairing (round {iterations})", ++done, located.Count, stale.Diagnostic.Id));
                var key = DiagnosticKey.From(stale.Diagnostic);
                var record = open[(stale.Project.Id, key)].Dequeue();

                // Earlier fixes of this round moved positions or removed the error (in another target framework of the
                // same file, say): find it again in the current solution.
                if (await CurrentAsync(solution, stale, key, cancellationToken).ConfigureAwait(false) is not { } target)
                {
                    continue;
                }

                if (await RepairAsync(solution, target, key, banned, record, cancellationToken).ConfigureAwait(false) is { } best)
                {
                    var fix = new AppliedFix(key, best.Source, best.Title, best.Preference);
                    record.Chosen = fix;
                    applied.Add(fix);
                    solution = best.Solution;
                    improved = true;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        var left = await BuildErrors.FindAsync(solution, loaded.ProjectsDiagnosingDocumentation, cancellationToken: cancellationToken).ConfigureAwait(false);
        var remaining = left.CountBy(error => (error.Project.Id, DiagnosticKey.From(error.Diagnostic))).ToDictionary();
        var outcome = records.SelectMany(group =>
        {
            // Which of several identical errors are the ones left cannot be told: the first ones count as left.
            var count = remaining.GetValueOrDefault(group.Key);
            return group.Value.Select(record => record.Chosen is null && count-- > 0 ? ToRecord(record, remains: true) : ToRecord(record, remains: false));
        });
        return new RepairOutcome(solution, outcome.ToList(), applied, iterations, left);
    }

    // This round's records per error: the ones not yet repaired, in order, and a new one for each error seen more often
    // than before.
    private static Dictionary<(ProjectId, DiagnosticKey), Queue<Record>> OpenRecords(
        Dictionary<(ProjectId Project, DiagnosticKey Key), List<Record>> records, IReadOnlyList<BuildError> located)
    {
        var open = new Dictionary<(ProjectId, DiagnosticKey), Queue<Record>>();
        foreach (var group in located.GroupBy(target => (target.Project.Id, DiagnosticKey.From(target.Diagnostic))))
        {
            if (!records.TryGetValue(group.Key, out var list))
            {
                records[group.Key] = list = [];
            }

            var unrepaired = list.Where(record => record.Chosen is null).ToList();
            foreach (var target in group.Skip(unrepaired.Count))
            {
                var record = new Record(CompileErrorFinder.ToError(target));
                list.Add(record);
                unrepaired.Add(record);
            }

            open[group.Key] = new Queue<Record>(unrepaired);
        }

        return open;
    }

    // One target: candidates from every source, each verified in every project compiling its files, the best returned.
    private async Task<Candidate?> RepairAsync(
        Solution solution, BuildError target, DiagnosticKey key, IReadOnlySet<AppliedFix> banned, Record record, CancellationToken cancellationToken)
    {
        var verifier = new CompileVerifier(solution, loaded.ProjectsDiagnosingDocumentation);
        var verified = new List<VerifiedCandidate>();
        var candidates = (await CandidatesAsync(target.Document!, target.Diagnostic, cancellationToken).ConfigureAwait(false))
            .DistinctBy(candidate => (candidate.Source, candidate.Title));
        foreach (var proposed in candidates)
        {
            if (banned.Contains(new AppliedFix(key, proposed.Source, proposed.Title)))
            {
                record.Tried.Add(new TriedCandidate(proposed.Source, proposed.Title, CandidateOutcome.FailedTests));
                continue;
            }

            var candidate = proposed with
            {
                Solution = await LinkedDocuments.SpreadAsync(solution, proposed.Solution, cancellationToken).ConfigureAwait(false),
            };
            var verdict = await verifier.VerifyAsync(candidate, target, cancellationToken).ConfigureAwait(false);
            if (verdict.Accepted && await gate.VerifyAsync(solution, candidate, cancellationToken).ConfigureAwait(false) is { IsSafe: false } safety)
            {
                record.Tried.Add(new TriedCandidate(candidate.Source, candidate.Title, CandidateOutcome.Unsafe, safety.Detail));
            }
            else if (verdict.Accepted)
            {
                verified.Add(new VerifiedCandidate(candidate, verdict));
            }
            else
            {
                record.Tried.Add(new TriedCandidate(candidate.Source, candidate.Title, Rejection(verdict.Outcome),
                    verdict.Added.Count > 0 ? string.Join(", ", verdict.Added) : null));
            }
        }

        var ranked = CandidateRanking.Rank(verified);
        for (var index = 0; index < ranked.Count; index++)
        {
            var (candidate, verdict) = ranked[index];
            record.Tried.Add(new TriedCandidate(
                candidate.Source,
                candidate.Title,
                index == 0 ? CandidateOutcome.Chosen : CandidateOutcome.RankedLower,
                $"errors {verdict.ErrorDelta:+0;-0;0}, edit {verdict.EditSize} chars"));
        }

        return ranked.Count > 0 ? ranked[0].Candidate : null;
    }

    private static CandidateOutcome Rejection(CompileOutcome outcome) => outcome switch
    {
        CompileOutcome.TargetRemains => CandidateOutcome.TargetRemains,
        CompileOutcome.AddsDiagnostics => CandidateOutcome.AddsDiagnostics,
        CompileOutcome.EditsGeneratedCode => CandidateOutcome.EditsGeneratedCode,
        CompileOutcome.ChangesProject => CandidateOutcome.ChangesProject,
        CompileOutcome.AddsThrowingStub => CandidateOutcome.AddsThrowingStub,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not a rejection"),
    };

    private static FixRecord ToRecord(Record record, bool remains) => record.Chosen is { } chosen
        ? new FixRecord(record.Error, FixStatus.Fixed, chosen.Source, chosen.Title, record.Tried)
        : new FixRecord(record.Error, remains ? FixStatus.Unfixed : FixStatus.Fixed, null, remains ? null : "resolved by another fix", record.Tried);

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

    private async Task<BuildError?> CurrentAsync(Solution solution, BuildError stale, DiagnosticKey key, CancellationToken cancellationToken)
    {
        var document = solution.GetDocument(stale.Document!.Id)!;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var documentationBuilt = loaded.ProjectsDiagnosingDocumentation.Contains(document.Project.Id);
        var diagnostic = model?.GetDiagnostics(cancellationToken: cancellationToken)
            .FirstOrDefault(diagnostic => BuildErrors.IsBuildError(diagnostic, documentationBuilt) && DiagnosticKey.From(diagnostic) == key);
        return diagnostic is null ? null : new BuildError(document.Project, diagnostic, stale.IsSyntax);
    }
}
