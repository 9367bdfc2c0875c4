using System.Globalization;
using System.Text.RegularExpressions;
using CodeLlama.Refactor.Verification.Testing;
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

    /// <summary>Runs the tests of <paramref name="testProjects"/> once with <paramref name="changed"/> documents applied.</summary>
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
        using var bench = new TestBench(rootDirectory, timeout, sandbox);
        return await bench.RunAsync(null, changed, testProjects, null, modelWritten, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The passed and failed counts of a <c>dotnet test</c> output, summed over its test runs.</summary>
    internal static (int Passed, int Failed) Counts(string output)
    {
        var summary = Summary().Matches(output).LastOrDefault();
        return summary is null
            ? (0, 0)
            : (int.Parse(summary.Groups["passed"].Value, CultureInfo.InvariantCulture), int.Parse(summary.Groups["failed"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>True when a <c>dotnet test</c> output says the build failed (rather than a test).</summary>
    internal static bool BuildFailed(string output) =>
        output.Contains(": error ", StringComparison.Ordinal) || output.Contains("Build FAILED", StringComparison.Ordinal);

    internal static string FailedTests(string output)
    {
        var names = FailedTest().Matches(output).Select(match => match.Groups["name"].Value.Trim()).Distinct().Take(5).ToList();
        if (names.Count > 0)
        {
            return "failed " + string.Join(", ", names);
        }

        var firstError = output.Split('\n').FirstOrDefault(line => line.Contains(": error ", StringComparison.Ordinal))?.Trim();
        return firstError ?? "dotnet test failed";
    }

    /// <summary>The fully qualified names of every test a <c>dotnet test</c> output reports failed (a theory's arguments dropped).</summary>
    internal static IEnumerable<string> FailedTestNames(string output) =>
        FailedTestName().Matches(output).Select(match => match.Groups["name"].Value).Distinct(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="project"/> is a test project: it references a test framework (xUnit, NUnit, MSTest, TUnit).</summary>
    /// <param name="project">A loaded project.</param>
    /// <returns>True for a test project.</returns>
    public static bool IsTestProject(Project project) =>
        project.MetadataReferences.OfType<PortableExecutableReference>().Any(reference =>
            Path.GetFileName(reference.FilePath) is { } name
            && TestFrameworkPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex(@"Failed:\s+(?<failed>\d+),\s+Passed:\s+(?<passed>\d+)")]
    private static partial Regex Summary();

    [GeneratedRegex(@"^\s*Failed (?<name>[\w.]+) \[", RegexOptions.Multiline)]
    private static partial Regex FailedTest();

    [GeneratedRegex(@"^\s*Failed (?<name>[\w.+]+)(\(.*\))? \[", RegexOptions.Multiline)]
    private static partial Regex FailedTestName();
}
