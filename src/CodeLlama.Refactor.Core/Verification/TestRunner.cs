using System.Diagnostics;
using System.Text.RegularExpressions;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification;

/// <summary>What running the tests showed.</summary>
/// <param name="Projects">The test projects run.</param>
/// <param name="Passed">Tests that passed.</param>
/// <param name="Failed">Tests that failed.</param>
/// <param name="Succeeded">True when every test project ran and no test failed.</param>
/// <param name="Detail">Why it did not succeed (the failing tests, a timeout, a build failure), else null.</param>
public sealed record TestOutcome(int Projects, int Passed, int Failed, bool Succeeded, string? Detail);

/// <summary>
/// Execution feedback: runs <c>dotnet test</c> on the test projects that depend on the changed projects, against a
/// copy of the solution's folder with the candidate changes applied, so that nothing unproven touches the user's files.
/// </summary>
public static partial class TestRunner
{
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", ".vs", "TestResults", "node_modules"];

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
            .ToList();
    }

    /// <summary>Runs the tests of <paramref name="testProjects"/> with <paramref name="changed"/> documents applied.</summary>
    /// <param name="rootDirectory">The solution's folder, copied whole (without build outputs) to run in.</param>
    /// <param name="changed">The changed documents and their new text.</param>
    /// <param name="testProjects">The test projects to run.</param>
    /// <param name="timeout">How long all test runs together may take.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What the tests showed.</returns>
    public static async Task<TestOutcome> RunAsync(
        string rootDirectory,
        IReadOnlyList<(string FilePath, string Text)> changed,
        IReadOnlyList<Project> testProjects,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        // Only the solution's folder is copied: a changed file or test project outside it cannot be tested in the copy.
        var outside = changed.Select(edit => edit.FilePath).Concat(testProjects.Select(project => project.FilePath!))
            .FirstOrDefault(path => Path.GetRelativePath(rootDirectory, path).StartsWith("..", StringComparison.Ordinal));
        if (outside is not null)
        {
            return new TestOutcome(testProjects.Count, 0, 0, false, $"{outside} is outside the solution's folder, so the tests cannot run on a copy");
        }

        var copy = Path.Combine(Path.GetTempPath(), "codellama-refactor", "tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyTree(rootDirectory, copy);
            foreach (var (filePath, text) in changed)
            {
                File.WriteAllText(Path.Combine(copy, Path.GetRelativePath(rootDirectory, filePath)), text);
            }

            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            int passed = 0, failed = 0;
            var problems = new List<string>();
            foreach (var project in testProjects)
            {
                var projectCopy = Path.Combine(copy, Path.GetRelativePath(rootDirectory, project.FilePath!));
                var (exitCode, output) = await RunDotnetTestAsync(projectCopy, timeoutSource.Token, cancellationToken).ConfigureAwait(false);
                var summary = Summary().Matches(output).LastOrDefault();
                passed += summary is null ? 0 : int.Parse(summary.Groups["passed"].Value, System.Globalization.CultureInfo.InvariantCulture);
                failed += summary is null ? 0 : int.Parse(summary.Groups["failed"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (exitCode != 0)
                {
                    problems.Add(exitCode == TimedOut
                        ? $"{project.Name}: timed out after {timeout.TotalSeconds:0} s"
                        : $"{project.Name}: {FailedTests(output)}");
                }
            }

            return new TestOutcome(testProjects.Count, passed, failed, problems.Count == 0, problems.Count == 0 ? null : string.Join("; ", problems));
        }
        finally
        {
            TryDelete(copy);
        }
    }

    private const int TimedOut = -1;

    private static async Task<(int ExitCode, string Output)> RunDotnetTestAsync(
        string project, CancellationToken timeoutToken, CancellationToken userToken)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var argument in new[] { "test", project, "--nologo", "--verbosity", "minimal" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Build servers would outlive the run and keep files of the temporary copy open.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(startInfo) ?? throw new EnvironmentException("Could not start `dotnet test`.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(timeoutToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            userToken.ThrowIfCancellationRequested();
            return (TimedOut, await output.ConfigureAwait(false));
        }

        return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
    }

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

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(directory), StringComparer.OrdinalIgnoreCase))
            {
                CopyTree(directory, Path.Combine(target, Path.GetFileName(directory)));
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A test host that is still shutting down may hold a file; the temporary folder is the OS's to clean.
        }
    }

    [GeneratedRegex(@"Failed:\s+(?<failed>\d+),\s+Passed:\s+(?<passed>\d+)")]
    private static partial Regex Summary();

    [GeneratedRegex(@"^\s*Failed (?<name>[\w.]+) \[", RegexOptions.Multiline)]
    private static partial Regex FailedTest();
}
