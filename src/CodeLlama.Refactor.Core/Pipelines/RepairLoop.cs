using CodeLlama.Refactor.Candidates;
using CodeLlama.Refactor.Candidates.TypeDirected;
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
internal sealed record AppliedFix(DiagnosticKey ErrorKey, string Source, string Title, int Preference = 0)
{
    /// <summary>The member the error sits in (<see cref="MemberIdentity"/>), or null; not part of its identity.</summary>
    public string? Member { get; init; }

    /// <summary>Whether the candidate's source is trusted; untrusted code is tested only in the sandbox. Not part of its identity.</summary>
    public CandidateTrust Trust { get; init; }

    /// <summary>Whether tests reach the error's project, so that they, not the ranking alone, decide; not part of its identity.</summary>
    public bool TestsDecide { get; init; }

    /// <summary>Every candidate verified that compiled for the error, best first, this one among them; not part of its identity.</summary>
    public IReadOnlyList<AppliedFix> Ranked { get; init; } = [];

    /// <summary>
    /// How many candidates were left unverified because none could outrank this one (<see cref="CandidateRanking.CouldOutrank"/>):
    /// alternatives the loop verifies once this one is banned; not part of its identity.
    /// </summary>
    public int Unverified { get; init; }

    /// <summary>Whether it is a guess (<see cref="Candidates.TypeDirected.Guesses"/>); not part of its identity.</summary>
    public bool IsGuess { get; init; }

    /// <summary>
    /// Whether it is a deterministic repair (what the parser expected, a spelling fix, a missing using) clearly ahead of
    /// every other candidate: compilation alone may write it where no test can run; not part of its identity.
    /// </summary>
    public bool Certain { get; init; }

    /// <summary>The group of errors it repairs as one edit, or null; not part of its identity.</summary>
    public ErrorGroup? Group { get; init; }

    /// <summary>The solution it was applied to and the solution with it, for the tests that reach it; not part of its identity.</summary>
    public (Solution Before, Solution After)? Change { get; init; }

    /// <inheritdoc/>
    public bool Equals(AppliedFix? other) =>
        other is not null && ErrorKey == other.ErrorKey && Source == other.Source && Title == other.Title;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ErrorKey, Source, Title);
}

/// <summary>What a run of the loop may not do.</summary>
/// <param name="Banned">Candidates not to apply (the tests rejected them, or they are set aside to try the next).</param>
/// <param name="Withheld">Errors not to repair: their fixes could not be test-run, so they are not written.</param>
/// <param name="TestsReach">Whether tests reach a project; where none do, only a candidate clearly ahead is applied.</param>
internal sealed record RepairConstraints(IReadOnlySet<AppliedFix> Banned, IReadOnlySet<DiagnosticKey> Withheld, Func<Project, bool> TestsReach)
{
    public static RepairConstraints None { get; } = new(new HashSet<AppliedFix>(), new HashSet<DiagnosticKey>(), _ => false);

    /// <summary>Errors whose tests cannot run (errors are left where they build): compilation alone decides for them.</summary>
    public IReadOnlySet<DiagnosticKey> Untestable { get; init; } = new HashSet<DiagnosticKey>();
}

/// <summary>The in-memory repair loop's outcome.</summary>
/// <param name="Solution">The repaired solution.</param>
/// <param name="Records">Every error seen and what became of it.</param>
/// <param name="Applied">The fixes applied, in order.</param>
/// <param name="Iterations">Rounds run.</param>
/// <param name="Remaining">The build errors of <paramref name="Solution"/>.</param>
internal sealed record RepairOutcome(
    Solution Solution, IReadOnlyList<ErrorRecord> Records, IReadOnlyList<AppliedFix> Applied, int Iterations, IReadOnlyList<BuildError> Remaining);

/// <summary>
/// Rounds of Targets → Candidates → Verification → Ranking, in memory: take the build errors (<see cref="BuildErrors"/>),
/// gather candidates for each from every source, carry each to every document of its file, verify it by recompiling in
/// every project that compiles that file and through the safety gate, and apply the best; repeat until nothing is left,
/// nothing improves, or the rounds run out. Nothing here touches a file. <c>asBuilt</c> gives each candidate what its
/// build would compile it with that the loaded solution left out (<see cref="IdleSdkGenerators.WithUsedOnesBack"/>).
/// </summary>
internal sealed class RepairLoop(
    LoadedSolution loaded,
    IReadOnlyList<ICandidateSource> sources,
    IProgress<WorkProgress>? progress,
    SafetyGate? safety = null,
    Func<BuildError, bool>? inScope = null,
    SolutionErrors? errors = null,
    Func<Solution, Solution>? asBuilt = null)
{
    private readonly SafetyGate gate = safety ?? new SafetyGate();
    private readonly SolutionErrors solutionErrors = errors ?? new SolutionErrors(loaded.ProjectsDiagnosingDocumentation);
    private readonly Func<Solution, Solution> toBuild = asBuilt ?? (solution => solution);

    /// <summary>The sources that threw during the run, for the report.</summary>
    public SourceFailures Failures { get; } = new();

    public async Task<RepairOutcome> RunAsync(int maxIterations, RepairConstraints constraints, CancellationToken cancellationToken)
    {
        var solution = loaded.Solution;
        // One record per error as first seen: errors with the same id, file and message (a deleted using leaves dozens)
        // are told apart by their order in the file, and each target framework's project counts its own.
        var records = new Dictionary<(ProjectId Project, DiagnosticKey Key), List<ErrorRecord>>();
        var applied = new List<AppliedFix>();
        var iterations = 0;
        while (iterations < maxIterations)
        {
            var targets = await solutionErrors.FindAsync(solution, cancellationToken).ConfigureAwait(false);
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
                    record.CoveredBy = applied.LastOrDefault(fix => fix.Group?.Errors.Contains(key) == true);
                    continue;
                }

                if (await RepairAsync(solution, target, key, constraints, record, targets.Count, cancellationToken).ConfigureAwait(false) is { } fix)
                {
                    record.Chosen = fix.Applied;
                    applied.Add(fix.Applied);
                    solution = fix.Solution;
                    improved = true;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        var left = await solutionErrors.FindAsync(solution, cancellationToken).ConfigureAwait(false);
        var remaining = left.CountBy(error => (error.Project.Id, DiagnosticKey.From(error.Diagnostic))).ToDictionary();
        foreach (var group in records)
        {
            // Which of several identical errors are the ones left cannot be told: the first ones count as left.
            var count = remaining.GetValueOrDefault(group.Key);
            foreach (var record in group.Value)
            {
                record.Remains = record.Chosen is null && count-- > 0;
            }
        }

        return new RepairOutcome(solution, records.SelectMany(group => group.Value).ToList(), applied, iterations, left);
    }

    // This round's records per error: the ones not yet repaired, in order, and a new one for each error seen more often
    // than before.
    private static Dictionary<(ProjectId, DiagnosticKey), Queue<ErrorRecord>> OpenRecords(
        Dictionary<(ProjectId Project, DiagnosticKey Key), List<ErrorRecord>> records, IReadOnlyList<BuildError> located)
    {
        var open = new Dictionary<(ProjectId, DiagnosticKey), Queue<ErrorRecord>>();
        foreach (var group in located.GroupBy(target => (target.Project.Id, DiagnosticKey.From(target.Diagnostic))))
        {
            if (!records.TryGetValue(group.Key, out var list))
            {
                records[group.Key] = list = [];
            }

            var unrepaired = list.Where(record => record.Chosen is null).ToList();
            foreach (var target in group.Skip(unrepaired.Count))
            {
                var record = new ErrorRecord(CompileErrorFinder.ToError(target), group.Key.Item2);
                list.Add(record);
                unrepaired.Add(record);
            }

            open[group.Key] = new Queue<ErrorRecord>(unrepaired);
        }

        return open;
    }

    // One target: candidates from every source, each verified in every project compiling its files, ranked; the best is
    // returned to be applied unless the error is withheld, or no test reaches it and the best is not clearly ahead.
    private async Task<(AppliedFix Applied, Solution Solution)?> RepairAsync(
        Solution solution, BuildError target, DiagnosticKey key, RepairConstraints constraints, ErrorRecord record, int errorsBefore, CancellationToken cancellationToken)
    {
        // A record seen again in a later round is judged again there: only that round's candidates count.
        record.Tried.Clear();
        record.Held = null;
        record.CoveredBy = null;
        record.Member = MemberIdentity.Of(target.Diagnostic);
        var verifier = new CompileVerifier(solution, loaded.ProjectsDiagnosingDocumentation);
        var verified = new List<VerifiedCandidate>();
        var (offered, failed) = await CandidatesAsync(target.Document!, target.Diagnostic, cancellationToken).ConfigureAwait(false);
        var candidates = CandidateRanking.VerificationOrder(offered.DistinctBy(candidate => (candidate.Source, candidate.Title)));
        record.SourcesAsked = [.. sources.Select(SourceName)];
        record.SourcesFailed = failed;
        var unverified = new List<Candidate>();
        foreach (var proposed in candidates)
        {
            if (constraints.Banned.Contains(new AppliedFix(key, proposed.Source, proposed.Title)))
            {
                record.Tried.Add(new TriedCandidate(proposed.Source, proposed.Title, Verdict.PassedOver));
                continue;
            }

            // Verifying costs a compilation (of every dependent project, when the edit changes a declaration): one that
            // could not take the first place is left unverified, and verified later only if the tests convict the first.
            if (verified.Count > 0 && !CandidateRanking.CouldOutrank(proposed, CandidateRanking.Rank(verified)[0], errorsBefore))
            {
                unverified.Add(proposed);
                continue;
            }

            var candidate = proposed with
            {
                Solution = toBuild(await LinkedDocuments.SpreadAsync(solution, proposed.Solution, cancellationToken).ConfigureAwait(false)),
            };
            var verdict = await verifier.VerifyAsync(candidate, target, cancellationToken).ConfigureAwait(false);
            if (verdict.Accepted && await gate.VerifyAsync(solution, candidate, cancellationToken).ConfigureAwait(false) is { IsSafe: false } safety)
            {
                record.Tried.Add(new TriedCandidate(candidate.Source, candidate.Title, Verdict.Unsafe, safety.Detail));
            }
            else if (verdict.Accepted)
            {
                verified.Add(new VerifiedCandidate(candidate, verdict));
            }
            else
            {
                record.Tried.Add(new TriedCandidate(candidate.Source, candidate.Title, verdict.Outcome,
                    verdict.Added.Count > 0 ? string.Join(", ", verdict.Added) : verdict.Detail));
            }
        }

        var ranked = CandidateRanking.Rank(verified);
        if (ranked.Count == 0)
        {
            return null;
        }

        // The fix is carried to every project that compiles its file (each target framework): tests that reach any of
        // them decide, as the run tests every project the edit changes.
        var compiling = solution.GetDocumentIdsWithFilePath(target.Document!.FilePath).Select(id => solution.GetProject(id.ProjectId)).OfType<Project>();
        var testsDecide = compiling.Append(target.Project).Any(constraints.TestsReach) && !constraints.Untestable.Contains(key);
        var clearlyAhead = await CandidateRanking.IsClearlyAheadAsync(ranked, cancellationToken).ConfigureAwait(false);
        var firstIsGuess = await Guesses.IsGuessAsync(solution, ranked[0].Candidate, cancellationToken).ConfigureAwait(false);
        // A guess is written only when a test reaches its member and passes: without tests to run, it stays a suggestion.
        record.Held = constraints.Withheld.Contains(key) ? FixStatus.NotTested
            : !testsDecide && firstIsGuess ? FixStatus.UntestedGuess
            : !testsDecide && !clearlyAhead ? FixStatus.Ambiguous
            : null;
        var first = ranked[0];
        for (var index = 0; index < ranked.Count; index++)
        {
            var (candidate, verdict) = ranked[index];
            var tied = verdict.ErrorDelta == first.Verdict.ErrorDelta && candidate.Preference == first.Candidate.Preference;
            var outcome = record.Held switch
            {
                FixStatus.NotTested when index == 0 => Verdict.Untested,
                FixStatus.Ambiguous when tied => Verdict.Tied,
                FixStatus.UntestedGuess when Guesses.IsGuess(candidate.Source) => Verdict.UntestedGuess,
                null when index == 0 => Verdict.Chosen,
                _ => Verdict.RankedLower,
            };
            record.Tried.Add(new TriedCandidate(candidate.Source, candidate.Title, outcome, $"errors {verdict.ErrorDelta:+0;-0;0}, edit {verdict.EditSize} chars"));
        }

        record.Tried.AddRange(unverified.Select(candidate => new TriedCandidate(candidate.Source, candidate.Title, Verdict.Outranked)));

        if (record.Held is not null)
        {
            return null;
        }

        var alternatives = ranked.Select(entry => new AppliedFix(key, entry.Candidate.Source, entry.Candidate.Title, entry.Candidate.Preference) { Trust = entry.Candidate.Trust }).ToList();
        var applied = alternatives[0] with
        {
            Member = record.Member,
            TestsDecide = testsDecide,
            Ranked = alternatives,
            Unverified = unverified.Count,
            IsGuess = firstIsGuess,
            Certain = clearlyAhead && !firstIsGuess && IsDeterministic(first.Candidate),
            Group = first.Candidate.Group,
            Change = (solution, first.Candidate.Solution),
        };
        return (applied, first.Candidate.Solution);
    }

    private const string ParserSource = "parser";

    // What the parser expected, the IDE's corrections that use what exists (a spelling fix, the missing using), and
    // the completion of a rename or re-signing to what the code now declares.
    private static bool IsDeterministic(Candidate candidate) =>
        candidate.Source == ParserSource || (candidate.Source.StartsWith("roslyn:", StringComparison.Ordinal) && candidate.Preference <= 1)
        || (candidate.Source == Candidates.Refactoring.RefactoringSource.SourceName && candidate.Preference == Candidates.Refactoring.Preferences.Complete);

    // Sources are named by their type: the report says which were asked when none offered a candidate.
    private static string SourceName(ICandidateSource source) => source.GetType().Name;

    // The sources are asked at once (each reads the same immutable snapshot; the IDE's fixes alone take most of a second
    // on a large file), and what they offer is taken in their order, as if asked one after another.
    private async Task<(IReadOnlyList<Candidate> Offered, IReadOnlyList<string> Failed)> CandidatesAsync(
        Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var offers = await Task.WhenAll(sources.Select(source => Task.Run(() => OfferAsync(source, document, diagnostic, cancellationToken), cancellationToken)))
            .ConfigureAwait(false);
        return ([.. offers.SelectMany(offer => offer ?? [])], [.. sources.Where((_, index) => offers[index] is null).Select(SourceName)]);
    }

    // What one source offers, or null when it failed.
    private async Task<IReadOnlyList<Candidate>?> OfferAsync(ICandidateSource source, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        try
        {
            // Trust is the source's declaration, never the candidate's own claim.
            var trust = source.Trust;
            return [.. (await source.GetCandidatesAsync(document, diagnostic, cancellationToken).ConfigureAwait(false))
                .Select(candidate => candidate with { Trust = trust })];
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A source that fails offers nothing; the others still do, and the report says how often it failed.
            Failures.Record(source, exception);
            return null;
        }
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
