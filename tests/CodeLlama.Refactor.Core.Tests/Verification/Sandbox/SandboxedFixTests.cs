using System.Net;
using System.Net.Sockets;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.PrivateFiles;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using CodeLlama.Refactor.Verification.Sandbox;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Verification.Sandbox;

[Collection(SandboxCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SandboxedFixTests
{
    private const string BrokenOrder = """
        namespace Lib;

        public sealed class Order(int count, decimal cost)
        {
            public int Count { get; } = count;

            public decimal Cost { get; } = cost;

            public decimal Total => Count * Cst;
        }
        """;

    [BubblewrapFact]
    public async Task CandidateTests_RunInTheSandbox_WhereWritesOutsideAndConnectionsFail()
    {
        var outside = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "sandbox-writes", Guid.NewGuid().ToString("N")));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Environment.SetEnvironmentVariable("GITHUB_TOKEN", "fake-token-for-the-sandbox-test");
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var solution = TemporarySolution.Create(
                new Dictionary<string, string> { ["Order.cs"] = BrokenOrder },
                new Dictionary<string, string> { ["OrderTests.cs"] = ProbingTests(outside.FullName, port) });
            var userFile = solution.File("escaped.txt");
            var probe = solution.File("Lib.Tests/OrderTests.cs");
            File.WriteAllText(probe, File.ReadAllText(probe).Replace("USER_FILE", userFile.Replace("\\", "\\\\", StringComparison.Ordinal), StringComparison.Ordinal));

            var result = await FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions());

            Assert.True(result.Tests is { Verdict: TestVerdict.Passed, Passed: 4 }, result.Tests?.Detail);
            Assert.StartsWith("bubblewrap", result.Tests!.Sandbox, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(outside.FullName, "escaped.txt")), "a write outside the copy got through");
            Assert.False(File.Exists(userFile), "a write into the user's solution got through");
            Assert.False(listener.Pending(), "a connection to the host's loopback got through");
            Assert.Contains("Count * Cost;", File.ReadAllText(solution.File("Lib/Order.cs")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_TOKEN", null);
            listener.Stop();
            outside.Delete(recursive: true);
        }
    }

    [UnshareFact]
    public async Task UnshareFallback_RunsTheTests_WithoutTheHostsSecretsOrNetwork()
    {
        // No read-only root here: the probing test's writes land, so they go to a folder of this test.
        var outside = Directory.CreateTempSubdirectory("codellama-refactor-outside-");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Environment.SetEnvironmentVariable("GITHUB_TOKEN", "fake-token-for-the-sandbox-test");
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var solution = TemporarySolution.Create(
                new Dictionary<string, string> { ["Order.cs"] = BrokenOrder.Replace("Cst", "Cost", StringComparison.Ordinal) },
                new Dictionary<string, string> { ["OrderTests.cs"] = ProbingTests(outside.FullName, port) });
            using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
            var library = loaded.Solution.Projects.Single(project => project.Name == "Lib");

            var outcome = await TestRunner.RunAsync(
                solution.Directory, [], TestRunner.AffectedTestProjects(loaded.Solution, [library.Id]), TimeSpan.FromMinutes(5),
                UnshareSandbox.TryCreate(), modelWritten: true, CancellationToken.None);

            Assert.True(outcome is { Verdict: TestVerdict.Passed, Passed: 4 }, outcome.Detail);
            Assert.StartsWith("unshare", outcome.Sandbox, StringComparison.Ordinal);
            Assert.False(listener.Pending(), "a connection to the host's loopback got through");
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITHUB_TOKEN", null);
            listener.Stop();
            outside.Delete(recursive: true);
        }
    }

    [BubblewrapFact]
    public async Task CancelledDuringTheTestRun_LeavesNoProcessNoCopy_AndWritesNothing()
    {
        var marker = $"started-{Guid.NewGuid():N}";
        using var solution = TemporarySolution.WithSlowTest(marker, new Dictionary<string, string> { ["Order.cs"] = BrokenOrder });
        using var cancellation = new CancellationTokenSource();

        var run = FixPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new FixOptions(), cancellationToken: cancellation.Token);
        var copy = await SandboxCopyRunningAsync(marker, run);
        var running = ProcessTable.Mentioning(copy);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        // The kernel finishes off a killed namespace asynchronously: wait for the tree to be gone, not a fixed time.
        await Eventually.HoldsAsync(() => ProcessTable.Mentioning(copy).Count == 0);

        Assert.NotEmpty(running);
        Assert.Empty(ProcessTable.Mentioning(copy));
        Assert.False(Directory.Exists(copy));
        Assert.Equal(BrokenOrder, File.ReadAllText(solution.File("Lib/Order.cs")));
    }

    // The copy whose test host wrote the marker: only then is the test run, not the restore or build, under way.
    private static async Task<string> SandboxCopyRunningAsync(string marker, Task run)
    {
        for (var wait = 0; wait < 1500 && !run.IsCompleted; wait++)
        {
            var copy = Directory.EnumerateDirectories(PrivateFolder.Root, "run-*")
                .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "Lib.Tests", "bin", "Debug", "net10.0", marker)));
            if (copy is not null)
            {
                return copy;
            }

            await Task.Delay(200);
        }

        await run;
        throw new InvalidOperationException("The test run never started.");
    }

    private static string ProbingTests(string outsideFolder, int port) => $$"""
        using System.Net.Sockets;
        using Lib;
        using Xunit;

        public class OrderTests
        {
            [Fact]
            public void Total_IsCountTimesCost() => Assert.Equal(7.5m, new Order(3, 2.5m).Total);

            [Fact]
            public void Secrets_AreNotInTheEnvironment() => Assert.Null(Environment.GetEnvironmentVariable("GITHUB_TOKEN"));

            [Fact]
            public void TriesToWriteOutside()
            {
                foreach (var path in new[] { @"{{Path.Combine(outsideFolder, "escaped.txt")}}", @"USER_FILE" })
                {
                    try { File.WriteAllText(path, "escaped"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                }
            }

            [Fact]
            public void TriesToConnect()
            {
                try { using var client = new TcpClient(); client.Connect("127.0.0.1", {{port}}); } catch (SocketException) { }
            }
        }
        """;
}
