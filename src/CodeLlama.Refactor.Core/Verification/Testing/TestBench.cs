using System.Diagnostics;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>
/// Execution feedback for one run of <c>fix</c>: a private copy of the solution's folder (<see cref="TestCopy"/>),
/// restored on the host (unless it holds the user's restore, <see cref="WarmRestore"/>) and built in the sandbox once,
/// by the first attempt, with the candidate's in-memory compilations in the compiler's place where the build allows it
/// (<see cref="CompilerStandIn"/>). Each later attempt writes its sources into the copy, emits only the assemblies
/// whose compilation changed from the in-memory compilations the verifier already holds (<see cref="AssemblyEmitter"/>) over the copy's build outputs, and runs the
/// tests without building. A project whose build does what an emit cannot reproduce (its output differs from the
/// compiler's, <see cref="AssemblyShape"/>) is built by MSBuild instead, and <see cref="Notes"/> says which and why.
/// </summary>
public sealed class TestBench : IDisposable
{
    private const int MaxFilteredTests = 300;

    // A library that packs on build would make a package of the candidate in the copy: slow, and it needs what packing
    // needs (a readme, a license file) that the copy may lack.
    private const string NoPackOnBuild = "-p:GeneratePackageOnBuild=false";

    private readonly string rootDirectory;
    private readonly TimeSpan timeout;
    private readonly ISandbox? sandbox;
    private readonly ProjectOutputs outputs;
    private readonly List<string> notes = [];
    private readonly Dictionary<string, string> writtenTexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (BuiltAssembly? Built, string? Reason)> buildOutputs = new(StringComparer.Ordinal);
    private readonly HashSet<string> restored = new(StringComparer.Ordinal);
    private TestCopy? copy;
    private Solution? outputsHold;
    private bool anyFailed;
    private bool warmRestored;

    /// <summary>Prepares a bench; nothing is copied until the first attempt.</summary>
    /// <param name="rootDirectory">The solution's folder, copied (see <see cref="CopyRules"/>) to run in.</param>
    /// <param name="timeout">How long each attempt (restore, build, tests) may take.</param>
    /// <param name="sandbox">
    /// What runs the build and tests (<see cref="SandboxSelection.ForAsync"/>); null when no sandbox can be made here,
    /// and then the tests run on the host only if no model wrote the changes.
    /// </param>
    /// <param name="outputs">Where the projects' own builds write their assemblies; by default, where the workspace says.</param>
    public TestBench(string rootDirectory, TimeSpan timeout, ISandbox? sandbox, ProjectOutputs? outputs = null)
    {
        this.rootDirectory = Path.GetFullPath(rootDirectory);
        this.timeout = timeout;
        this.sandbox = sandbox;
        this.outputs = outputs ?? ProjectOutputs.AsLoaded;
    }

    /// <summary>
    /// The projects whose own build reports documentation diagnostics (<see cref="LoadedSolution.ProjectsDiagnosingDocumentation"/>):
    /// the others are emitted without them, as their build compiles them. Null when unknown: every project's are kept.
    /// </summary>
    public IReadOnlySet<ProjectId>? DocumentationBuilt { get; init; }

    /// <summary>How each project's assembly reached the copy: emitted, or built and why; for <c>--verbosity detailed</c>.</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>How many candidate solutions were tested.</summary>
    public int Attempts { get; private set; }

    /// <summary>How many <c>dotnet test</c> runs the attempts took (impacted tests first, then all: two).</summary>
    public int Runs { get; private set; }

    /// <summary>Runs the tests of <paramref name="testProjects"/> against <paramref name="candidate"/>.</summary>
    /// <param name="candidate">The solution with the candidate changes, as verified (its compilations are emitted).</param>
    /// <param name="edits">The candidate's changes to the loaded files.</param>
    /// <param name="testProjects">The test projects to run.</param>
    /// <param name="scope">Which of their tests to run.</param>
    /// <param name="modelWritten">Whether any of the changes is code a model wrote.</param>
    /// <param name="cancellationToken">Cancels the run: the process trees are killed.</param>
    /// <returns>What the tests showed.</returns>
    public async Task<TestOutcome> RunAsync(
        Solution candidate,
        IReadOnlyList<FileEdit> edits,
        IReadOnlyList<Project> testProjects,
        TestScope scope,
        bool modelWritten,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(edits);
        Attempts++;
        // Until an attempt fails, the candidates are the best-ranked ones, which usually pass: one run of every test costs
        // less than the impacted tests and then every test (each `dotnet test` starts MSBuild and a test host again).
        // After a failure the candidates are alternatives, and their impacted tests go first to fail fast.
        scope = scope == TestScope.ImpactedFirst && !anyFailed ? TestScope.Full : scope;
        var outcome = await RunScopedAsync(candidate, edits, testProjects, scope, modelWritten, cancellationToken).ConfigureAwait(false);
        anyFailed |= !outcome.Succeeded;
        return outcome;
    }

    private async Task<TestOutcome> RunScopedAsync(
        Solution candidate, IReadOnlyList<FileEdit> edits, IReadOnlyList<Project> testProjects, TestScope scope, bool modelWritten, CancellationToken cancellationToken)
    {
        var impacted = scope == TestScope.Full ? null : await ImpactedTests.FindAsync(candidate, edits, testProjects, cancellationToken).ConfigureAwait(false);
        if (impacted is { Count: 0 or > MaxFilteredTests })
        {
            impacted = null;
        }

        var changed = edits.Select(edit => (edit.FilePath, edit.Updated.ToString())).ToList();
        if (impacted is null)
        {
            return await RunAsync(candidate, changed, testProjects, null, modelWritten, cancellationToken).ConfigureAwait(false);
        }

        var first = await RunAsync(candidate, changed, testProjects, impacted, modelWritten, cancellationToken).ConfigureAwait(false);
        // A filter that matched no test proves nothing: the full run decides.
        var ranAny = first.Passed + first.Failed > 0;
        if (!first.Succeeded || (scope == TestScope.ImpactedOnly && ranAny))
        {
            return first;
        }

        var full = await RunAsync(candidate, changed, testProjects, null, modelWritten, cancellationToken).ConfigureAwait(false);
        return full with { Notes = [$"{impacted.Count} impacted test(s) passed first", .. full.Notes] };
    }

    /// <summary>
    /// Runs the tests with <paramref name="changed"/> files written over the copy; with a <paramref name="candidate"/>,
    /// later attempts emit its changed compilations instead of building.
    /// </summary>
    /// <param name="candidate">The verified solution the files come from, or null to build whatever changed.</param>
    /// <param name="changed">The changed files and their new text.</param>
    /// <param name="testProjects">The test projects to run.</param>
    /// <param name="filter">The fully qualified names of the tests to run, or null for all.</param>
    /// <param name="modelWritten">Whether any of the changes is code a model wrote.</param>
    /// <param name="cancellationToken">Cancels the run: the process trees are killed.</param>
    /// <returns>What the tests showed.</returns>
    public async Task<TestOutcome> RunAsync(
        Solution? candidate,
        IReadOnlyList<(string FilePath, string Text)> changed,
        IReadOnlyList<Project> testProjects,
        IReadOnlyList<string>? filter,
        bool modelWritten,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(testProjects);
        if (sandbox is null && modelWritten)
        {
            return new TestOutcome(TestVerdict.NoSandbox, testProjects.Count, 0, 0, "not tested: no sandbox", null);
        }

        // Only the solution's folder is copied: a changed file or test project outside it cannot be tested in the copy.
        var outside = changed.Select(edit => edit.FilePath).Concat(testProjects.Select(project => project.FilePath!))
            .FirstOrDefault(path => Path.GetRelativePath(rootDirectory, path).StartsWith("..", StringComparison.Ordinal));
        if (outside is not null)
        {
            return new TestOutcome(
                TestVerdict.Failed, testProjects.Count, 0, 0, $"{outside} is outside the solution's folder, so the tests cannot run on a copy", null);
        }

        Runs++;
        var runner = sandbox ?? HostProcess.Instance;
        var deadline = DateTime.UtcNow + timeout;
        var attemptNotes = new List<string>();
        var build = copy is null || outputsHold is null || candidate is null;
        var stage = Stopwatch.StartNew();
        GatedTestRun? early = null;
        try
        {
            if (copy is null)
            {
                var warm = WarmProjectFolders(candidate, testProjects);
                copy = TestCopy.Create(rootDirectory, changed, cancellationToken, warm);
                warmRestored = WarmRestore.IsRestored(copy.Root, [.. warm.Select(copy.PathOf)]);
                attemptNotes.Add($"copied in {stage.Elapsed.TotalSeconds:0.00} s");
                stage.Restart();
                if (candidate is not null)
                {
                    early = warmRestored ? StartEarly(copy, testProjects, filter, runner, deadline, cancellationToken) : null;
                    build = !(warmRestored && await EmitOverUserBuildAsync(copy, candidate, testProjects, attemptNotes, cancellationToken).ConfigureAwait(false));
                    if (build)
                    {
                        // MSBuild builds in the copy: the run started for the emitted outputs must not test what it writes.
                        early = await StopAsync(early).ConfigureAwait(false);
                        build = !await BuildAroundEmittedAsync(copy, candidate, testProjects, runner, deadline, attemptNotes, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            else
            {
                SyncSources(copy, changed);
                early = build ? null : StartEarly(copy, testProjects, filter, runner, deadline, cancellationToken);
                build = build || !await EmitChangedAsync(copy, outputsHold!, candidate!, testProjects, attemptNotes, cancellationToken).ConfigureAwait(false);
            }

            if (build)
            {
                early = await StopAsync(early).ConfigureAwait(false);
            }

            early?.Open();
            attemptNotes.Add($"{(build ? "to be built by the test run" : "compiled")} in {stage.Elapsed.TotalSeconds:0.00} s");
            stage.Restart();
            return await TestAsync(copy, candidate, changed, testProjects, filter, build, early, runner, deadline, attemptNotes, stage, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await StopAsync(early).ConfigureAwait(false);
        }
    }

    // Runs each test project's tests, the first one's from the run started beside the emit when it waited for it.
    private async Task<TestOutcome> TestAsync(
        TestCopy copy,
        Solution? candidate,
        IReadOnlyList<(string FilePath, string Text)> changed,
        IReadOnlyList<Project> testProjects,
        IReadOnlyList<string>? filter,
        bool build,
        GatedTestRun? early,
        ISandbox runner,
        DateTime deadline,
        List<string> attemptNotes,
        Stopwatch stage,
        CancellationToken cancellationToken)
    {
        foreach (var (filePath, text) in changed)
        {
            writtenTexts[filePath] = text;
        }

        int passed = 0, failed = 0;
        var failedNames = new SortedSet<string>(StringComparer.Ordinal);
        var aborted = false;
        var problems = new List<string>();
        var timedOut = false;
        var builtAll = true;
        foreach (var project in testProjects)
        {
            var projectCopy = copy.PathOf(project.FilePath!);
            ProcessResult run;
            var isRestored = restored.Contains(projectCopy);
            if (build)
            {
                var restore = await RestoreAsync(copy, projectCopy, deadline, cancellationToken).ConfigureAwait(false);
                isRestored = restore is null;

                run = isRestored
                    ? await runner.RunAsync(
                        Dotnet(copy, projectCopy, ["test", projectCopy, "--no-restore", "--nologo", "--verbosity", "minimal", "-p:UseSharedCompilation=false", NoPackOnBuild, .. FilterArguments(filter)]),
                        Remaining(deadline),
                        cancellationToken).ConfigureAwait(false)
                    : restore!;
            }
            else
            {
                ProcessResult? started = null;
                if (early is not null && project == testProjects[0])
                {
                    started = await early.ResultAsync().ConfigureAwait(false);
                    attemptNotes.Add(started is null ? "the run started beside the emit did not wait for it: tested again" : "tests started beside the emit");
                }

                run = started ?? await runner.RunAsync(TestWithoutBuild(copy, projectCopy, filter, []), Remaining(deadline), cancellationToken).ConfigureAwait(false);
            }

            var (projectPassed, projectFailed) = TestRunner.Counts(run.Output);
            failedNames.UnionWith(TestRunner.FailedTestNames(run.Output));
            aborted |= run.Output.Contains("test run was aborted", StringComparison.Ordinal);
            passed += projectPassed;
            failed += projectFailed;
            if (run.TimedOut)
            {
                timedOut = true;
                builtAll = false;
                problems.Add($"{project.Name}: timed out after {timeout.TotalSeconds:0} s");
                break;
            }

            if (run.ExitCode != 0)
            {
                // A failing build leaves outputs no later attempt can emit over; a failing test leaves them built.
                builtAll &= isRestored && !TestRunner.BuildFailed(run.Output);
                problems.Add($"{project.Name}: {(isRestored ? string.Empty : "restore failed: ")}{TestRunner.FailedTests(run.Output)}");
            }
        }

        attemptNotes.Add($"{(build ? "built and tested" : "tested")} in {stage.Elapsed.TotalSeconds:0.00} s");
        outputsHold = builtAll ? candidate : null;
        if (build)
        {
            attemptNotes.Add(outputsHold is null ? "built by MSBuild" : "built by MSBuild; later attempts emit what changes");
        }

        notes.AddRange(attemptNotes);
        var verdict = timedOut ? TestVerdict.TimedOut : problems.Count == 0 ? TestVerdict.Passed : TestVerdict.Failed;
        return new TestOutcome(verdict, testProjects.Count, passed, failed, problems.Count == 0 ? null : string.Join("; ", problems), runner.Description)
        {
            Notes = attemptNotes,
            FailedTests = [.. failedNames],
            Aborted = aborted,
        };
    }

    /// <inheritdoc/>
    public void Dispose() => copy?.Dispose();

    // Restore evaluates the user's own project files and runs no candidate code: it runs on the host, once per project.
    // Null when the project is restored; the failed run otherwise.
    private async Task<ProcessResult?> RestoreAsync(TestCopy target, string projectCopy, DateTime deadline, CancellationToken cancellationToken)
    {
        if (restored.Contains(projectCopy))
        {
            return null;
        }

        var restore = await HostProcess.Instance.RunAsync(
            Dotnet(target, projectCopy, "restore", projectCopy, "--nologo", "--verbosity", "quiet"), Remaining(deadline), cancellationToken).ConfigureAwait(false);
        if (restore is { TimedOut: false, ExitCode: 0 })
        {
            restored.Add(projectCopy);
            return null;
        }

        return restore;
    }

    // The first attempt on a copy holding the user's restore and build: the projects whose sources changed since, and
    // their dependents, are emitted over the outputs the tests run from (WarmEmit), and no MSBuild build runs. False,
    // with a note saying why, when the build must run; nothing is written to the copy then.
    private async Task<bool> EmitOverUserBuildAsync(
        TestCopy target, Solution candidate, IReadOnlyList<Project> testProjects, List<string> attemptNotes, CancellationToken cancellationToken)
    {
        var (emitted, reason) = await WarmEmit.PrepareAsync(target, candidate, testProjects, outputs, DocumentationBuilt, cancellationToken).ConfigureAwait(false);
        if (emitted is null)
        {
            attemptNotes.Add($"not emitted over the user's build: {reason}");
            return false;
        }

        WarmEmit.Write(target, candidate, testProjects, emitted, outputs);
        foreach (var one in emitted)
        {
            buildOutputs[outputs.AssemblyPath(one.Project)!] = (one.Built, null);
        }

        // The user's restore stands for the host's (WarmRestore): a later build of the copy does not restore again.
        restored.UnionWith(testProjects.Select(project => target.PathOf(project.FilePath!)));
        attemptNotes.Add(emitted.Count == 0
            ? "not built: the user's build is up to date"
            : $"emitted over the user's build, without MSBuild: {string.Join(", ", emitted.Select(one => one.Project.Name).Distinct(StringComparer.Ordinal))}");
        return true;
    }

    // The first build: the candidate's compilations stand in for the compiler (CompilerStandIn) and MSBuild builds the
    // rest. False, with a note saying why, when MSBuild must compile too; nothing of the stand-in is left then.
    private async Task<bool> BuildAroundEmittedAsync(
        TestCopy target, Solution candidate, IReadOnlyList<Project> testProjects, ISandbox runner, DateTime deadline, List<string> attemptNotes, CancellationToken cancellationToken)
    {
        var reached = TestedOutputs.Reached(candidate, testProjects);
        var (standIn, reason) = await CompilerStandIn.PrepareAsync(target, candidate, reached, outputs, DocumentationBuilt, cancellationToken).ConfigureAwait(false);
        if (standIn is null)
        {
            attemptNotes.Add($"compiled by MSBuild: {reason}");
            return false;
        }

        if (warmRestored)
        {
            attemptNotes.Add("not restored again: the copy holds the user's restore, newer than every project file");
        }

        foreach (var projectCopy in testProjects.Select(project => target.PathOf(project.FilePath!)).Distinct(StringComparer.Ordinal))
        {
            // The user's restore, kept in the copy, stands for the host's; should it not, this build fails and the
            // copy is restored and built normally.
            var run = (warmRestored ? null : await RestoreAsync(target, projectCopy, deadline, cancellationToken).ConfigureAwait(false))
                ?? await runner.RunAsync(
                    Dotnet(target, projectCopy, ["build", projectCopy, "--no-restore", "--nologo", "--verbosity", "minimal", "-p:UseSharedCompilation=false", NoPackOnBuild, .. standIn.BuildProperties]),
                    Remaining(deadline),
                    cancellationToken).ConfigureAwait(false);
            if (run.TimedOut || run.ExitCode != 0)
            {
                standIn.Undo();
                attemptNotes.Add($"compiled by MSBuild: building {Path.GetFileName(projectCopy)} around the emitted assemblies failed: {TestRunner.FailedTests(run.Output)}");
                return false;
            }

            // It built without a restore of its own: what the copy holds is its restore.
            restored.Add(projectCopy);
        }

        reason = await standIn.CompleteAsync(candidate, outputs, DocumentationBuilt, cancellationToken).ConfigureAwait(false);
        if (reason is not null)
        {
            standIn.Undo();
            attemptNotes.Add($"compiled by MSBuild: {reason}");
            return false;
        }

        attemptNotes.Add("compiled in memory; MSBuild built the rest without the compiler");
        return true;
    }

    // The copy's sources become the attempt's: files an earlier attempt changed and this one does not go back to the
    // solution's own text.
    private void SyncSources(TestCopy target, IReadOnlyList<(string FilePath, string Text)> changed)
    {
        var now = changed.ToDictionary(edit => edit.FilePath, edit => edit.Text, StringComparer.Ordinal);
        foreach (var filePath in writtenTexts.Keys.Where(path => !now.ContainsKey(path)).ToList())
        {
            target.Restore(filePath);
            writtenTexts.Remove(filePath);
        }

        foreach (var (filePath, text) in now)
        {
            if (!writtenTexts.TryGetValue(filePath, out var written) || written != text)
            {
                target.Write(filePath, text);
            }
        }
    }

    // Emits, in dependency order, every project whose compilation differs from what the copy's outputs hold, and the
    // projects that depend on them, over their outputs and the copies of them in dependents' output folders. False
    // when one of them must be built by MSBuild instead.
    private async Task<bool> EmitChangedAsync(
        TestCopy target, Solution held, Solution candidate, IReadOnlyList<Project> testProjects, List<string> attemptNotes, CancellationToken cancellationToken)
    {
        var graph = candidate.GetProjectDependencyGraph();
        var reached = TestedOutputs.Reached(candidate, testProjects);
        var changedIds = candidate.GetChanges(held).GetProjectChanges().Select(change => change.ProjectId).ToHashSet();
        var toEmit = changedIds.SelectMany(id => graph.GetProjectsThatTransitivelyDependOnThisProject(id).Append(id)).Where(reached.Contains).ToHashSet();
        foreach (var id in graph.GetTopologicallySortedProjects(cancellationToken).Where(toEmit.Contains))
        {
            var project = candidate.GetProject(id)!;
            var reason = await ReasonToBuildAsync(target, held.GetProject(id), cancellationToken).ConfigureAwait(false);
            var compilation = reason is null ? await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) : null;
            var (emitted, error) = compilation is null ? (null, null) : AssemblyEmitter.Emit(compilation, buildOutputs[outputs.AssemblyPath(project)!].Built!, AssemblyEmitter.BuildsDocumentation(DocumentationBuilt, id), cancellationToken);
            if (emitted is null)
            {
                attemptNotes.Add($"{project.Name}: built by MSBuild: {reason ?? $"its compilation does not emit: {error}"}");
                return false;
            }

            foreach (var path in TestedOutputs.CopiesOf(target, candidate, project, reached, outputs))
            {
                AssemblyEmitter.Write(emitted, path);
            }

            attemptNotes.Add($"{project.Name}: emitted");
        }

        return true;
    }

    // Why a project's output must come from MSBuild, or null when an emit of its compilation reproduces its build: the
    // first time, the compilation its outputs were built from is emitted in memory and compared with what was built.
    private async Task<string?> ReasonToBuildAsync(TestCopy target, Project? built, CancellationToken cancellationToken)
    {
        if (built is null || outputs.AssemblyPath(built) is not { } outputPath || built.Language != LanguageNames.CSharp)
        {
            return "it is not a C# project with a known output";
        }

        if (!buildOutputs.TryGetValue(outputPath, out var known))
        {
            known = BuiltAssembly.Read(target.PathOf(outputPath));
            if (known.Built is { } assembly && await built.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is { } compilation)
            {
                var (emitted, error) = AssemblyEmitter.Emit(compilation, assembly, AssemblyEmitter.BuildsDocumentation(DocumentationBuilt, built.Id), cancellationToken);
                using var builtStream = File.OpenRead(assembly.Path);
                var difference = emitted is null
                    ? $"its compilation does not emit: {error}"
                    : AssemblyShape.Of(new MemoryStream(emitted.Pe)).DifferenceFrom(AssemblyShape.Of(builtStream));
                known = difference is null ? known : (null, difference);
            }

            buildOutputs[outputPath] = known;
        }

        return known.Reason;
    }

    // The projects the tests build start from the user's own build outputs: MSBuild rebuilds only what changed.
    private static IReadOnlyCollection<string> WarmProjectFolders(Solution? candidate, IReadOnlyList<Project> testProjects)
    {
        var solution = candidate ?? testProjects.FirstOrDefault()?.Solution;
        return solution is null
            ? []
            : TestedOutputs.Reached(solution, testProjects)
                .Select(id => solution.GetProject(id)?.FilePath)
                .OfType<string>()
                .Select(path => Path.GetDirectoryName(path)!)
                .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> FilterArguments(IReadOnlyList<string>? filter) =>
        filter is null ? [] : ["--filter", string.Join('|', filter.Select(name => "FullyQualifiedName=" + EscapeFilterValue(name)))];

    // The characters the test platform's filter syntax gives a meaning are escaped with a backslash.
    private static string EscapeFilterValue(string value) =>
        string.Concat(value.Select(character => character is '\\' or '(' or ')' or '&' or '|' or '=' or '!' or '~' ? $"\\{character}" : character.ToString()));

    // The first test project's tests, started before the outputs are emitted; they wait for them (GatedTestRun).
    private static GatedTestRun? StartEarly(
        TestCopy copy, IReadOnlyList<Project> testProjects, IReadOnlyList<string>? filter, ISandbox runner, DateTime deadline, CancellationToken cancellationToken)
    {
        if (testProjects.Count == 0)
        {
            return null;
        }

        var projectCopy = copy.PathOf(testProjects[0].FilePath!);
        return GatedTestRun.Start(projectCopy, gate => TestWithoutBuild(copy, projectCopy, filter, [gate]), runner, Remaining(deadline), cancellationToken);
    }

    private static async Task<GatedTestRun?> StopAsync(GatedTestRun? early)
    {
        if (early is not null)
        {
            await early.DisposeAsync().ConfigureAwait(false);
        }

        return null;
    }

    private static SandboxCommand TestWithoutBuild(TestCopy copy, string projectCopy, IReadOnlyList<string>? filter, IReadOnlyList<string> properties) =>
        Dotnet(copy, projectCopy, ["test", projectCopy, "--no-build", "--nologo", "--verbosity", "minimal", NoPackOnBuild, .. properties, .. FilterArguments(filter)]);

    private static SandboxCommand Dotnet(TestCopy copy, string projectCopy, params string[] arguments) =>
        new(copy.Root, Path.GetDirectoryName(projectCopy)!, "dotnet", arguments);

    private static TimeSpan Remaining(DateTime deadline) =>
        deadline - DateTime.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero;
}
