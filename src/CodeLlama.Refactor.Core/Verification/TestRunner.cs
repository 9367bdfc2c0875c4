using System.Text.RegularExpressions;
using CodeLlama.Refactor.Verification.Sandbox;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification;

/// <summary>
/// Execution feedback: runs the test projects that depend on the changed projects against a private copy of the
/// solution's folder with the candidate changes applied (<see cref="TestCopy"/>). The copy is restored on the host
/// (restore evaluates the user's own project files and runs no candidate code), then built and tested offline in the
/// sandbox with <c>dotnet test --no-restore</c>, so that nothing unproven touches the user's files.
/// </summary>
public static partial class TestRunner
{
    private static readonly string[] TestFrameworkPrefixes =
        ["xunit", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "TUnit"];

    /// <summary>The test projects that use a changed project (or are one), in <paramref name="solution"/>.</summary>
    /// <param name="solution">The solution with the changes.</param>
    /// <param name="changedProjects">The projects whose documents changed.</param>
    /// <returns>The affected test projects.</returns>
    public static IReadOnlyList<Project> AffectedTestProjects(Solution solution, IEnumerable<ProjectId> changedProjects)
    {
        var graph = solution.GetProjectDependencyGraph();
        return changedProjects
            .SelectMany(id => graph.GetProjectsThatTransitivelyDependOnThisProject(id).Append(id))
            .Distinct()
            .Select(solution.GetProject)
            .OfType<Project>()
            .Where(IsTestProject)
            // A multi-targeting test project is one Roslyn project per framework, and one `dotnet test` runs them all.
            .DistinctBy(project => project.FilePath ?? project.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Runs the tests of <paramref name="testProjects"/> with <paramref name="changed"/> documents applied.</summary>
    /// <param name="rootDirectory">The solution's folder, copied (see <see cref="CopyRules"/>) to run in.</param>
    /// <param name="changed">The changed documents and their new text.</param>
    /// <param name="testProjects">The test projects to run.</param>
    /// <param name="timeout">How long all runs together (restore, build, tests) may take.</param>
    /// <param name="sandbox">
    /// What runs the build and tests (<see cref="SandboxSelection.ForAsync"/>); null when no sandbox can be made here,
    /// and then the tests run on the host only if no model wrote the changes.
    /// </param>
    /// <param name="modelWritten">Whether any of the changes is code a model wrote.</param>
    /// <param name="cancellationToken">Cancels the run: the process trees are killed and the copy deleted.</param>
    /// <returns>What the tests showed.</returns>
    public static async Task<TestOutcome> RunAsync(
        string rootDirectory,
        IReadOnlyList<(string FilePath, string Text)> changed,
        IReadOnlyList<Project> testProjects,
        TimeSpan timeout,
        ISandbox? sandbox,
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

        var runner = sandbox ?? HostProcess.Instance;
        var deadline = DateTime.UtcNow + timeout;
        using var copy = TestCopy.Create(rootDirectory, changed, cancellationToken);
        int passed = 0, failed = 0;
        var problems = new List<string>();
        var timedOut = false;
        foreach (var project in testProjects)
        {
            var projectCopy = copy.PathOf(project.FilePath!);
            var restore = await HostProcess.Instance.RunAsync(
                Dotnet(copy, projectCopy, "restore", projectCopy, "--nologo", "--verbosity", "quiet"), Remaining(deadline), cancellationToken)
                .ConfigureAwait(false);
            var restored = restore is { TimedOut: false, ExitCode: 0 };
            var run = restored
                ? await runner.RunAsync(
                    Dotnet(copy, projectCopy, "test", projectCopy, "--no-restore", "--nologo", "--verbosity", "minimal", "-p:UseSharedCompilation=false"),
                    Remaining(deadline),
                    cancellationToken).ConfigureAwait(false)
                : restore;
            var summary = Summary().Matches(run.Output).LastOrDefault();
            passed += summary is null ? 0 : int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture);
            failed += summary is null ? 0 : int.Parse(summary.Groups["failed"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (run.TimedOut)
            {
                timedOut = true;
                problems.Add($"{project.Name}: timed out after {timeout.TotalSeconds:0} s");
                break;
            }

            if (run.ExitCode != 0)
            {
                problems.Add($"{project.Name}: {(restored ? string.Empty : "restore failed: ")}{FailedTests(run.Output)}");
            }
        }

        var verdict = timedOut ? TestVerdict.TimedOut : problems.Count == 0 ? TestVerdict.Passed : TestVerdict.Failed;
        return new TestOutcome(verdict, testProjects.Count, passed, failed, problems.Count == 0 ? null : string.Join("; ", problems), runner.Description);
    }

    private static SandboxCommand Dotnet(TestCopy copy, string projectCopy, params string[] arguments) =>
        new(copy.Root, Path.GetDirectoryName(projectCopy)!, "dotnet", arguments);

    private static TimeSpan Remaining(DateTime deadline) =>
        deadline - DateTime.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero;

    private static string FailedTests(string output)
    {
        var names = FailedTest().Matches(output).Select(match => match.Groups["name"].Value.Trim()).Distinct().Take(5).ToList();
        if (names.Count > 0)
        {
            return "failed " + string.Join(", ", names);
        }

        var firstError = output.Split('\n').FirstOrDefault(line => line.Contains(": error ", StringComparison.Ordinal))?.Trim();
        return firstError ?? "dotnet test failed";
    }

    private static bool IsTestProject(Project project) =>
        project.MetadataReferences.OfType<PortableExecutableReference>().Any(reference =>
            Path.GetFileName(reference.FilePath) is { } name
            && TestFrameworkPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex(@"Failed:\s+(?<failed>\d+),\s+Passed:\s+(?<passed>\d+)")]
    private static partial Regex Summary();

    [GeneratedRegex(@"^\s*Failed (?<name>[\w.]+) \[", RegexOptions.Multiline)]
    private static partial Regex FailedTest();
}
