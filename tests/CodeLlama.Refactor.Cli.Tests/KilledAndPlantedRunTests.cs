using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>
/// What a run finds that it did not make itself: a sandbox that does not confine, a killed run's copy, a journal another
/// user planted. Each runs the tool as a process of its own: the private folder and the probe are chosen once per process.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KilledAndPlantedRunTests
{
    [UnixFact]
    public async Task Required_WhenTheSandboxFailsItsProbe_ExitsThree_NamingWhatFailed()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Order.cs"] = FixSandboxTests.BrokenOrder });
        // A `bwrap` that confines nothing: it drops its options and runs the command on the host.
        const string Bwrap = """
            #!/bin/sh
            while [ "$#" -gt 0 ]; do
              case "$1" in
                --chdir) cd "$2"; shift 2;;
                --) shift; break;;
                *) shift;;
              esac
            done
            PATH=/usr/sbin:/usr/bin:/sbin:/bin exec "$@"
            """;

        var (exitCode, error) = await ToolProcess.RunWithOnlyOnPathAsync(
            new Dictionary<string, string> { ["bwrap"] = Bwrap }, "fix", solution.Directory, "--sandbox", "required");

        Assert.Equal(ExitCodes.EnvironmentError, exitCode);
        Assert.Contains("--sandbox required, but no sandbox can be made here (bwrap: ", error, StringComparison.Ordinal);
        Assert.Contains("a folder outside the copy could be written", error, StringComparison.Ordinal);
        if (OtherUser.IsAvailable)
        {
            // Root: the failures the issue found are the ones named.
            Assert.Contains("it runs as uid 0, it has capabilities (CapEff", error, StringComparison.Ordinal);
        }

        Assert.Equal(FixSandboxTests.BrokenOrder, File.ReadAllText(solution.File("Lib/Order.cs")));
    }

    [UnixFact]
    [Trait("Category", "EndToEnd")]
    public async Task SigKill_DuringTheTestRun_KillsTheSandboxedRun_AndTheNextRunRemovesTheCopy()
    {
        var marker = $"started-{Guid.NewGuid():N}";
        using var solution = TemporarySolution.WithSlowTest(marker, new Dictionary<string, string> { ["Order.cs"] = FixSandboxTests.BrokenOrder });
        using var process = Process.Start(ToolProcess.Start("fix", solution.Directory))!;
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            var copy = await FixSandboxTests.CopyRunningAsync(marker, process, error);
            Assert.NotEmpty(FixSandboxTests.Mentioning(copy));

            process.Kill();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            for (var wait = 0; wait < 50 && FixSandboxTests.Mentioning(copy).Count > 0; wait++)
            {
                await Task.Delay(200);
            }

            Assert.Empty(FixSandboxTests.Mentioning(copy));
            Assert.True(Directory.Exists(copy), "a run killed with SIGKILL cannot remove its copy");

            using var next = Process.Start(ToolProcess.Start("check", solution.Directory))!;
            await next.StandardOutput.ReadToEndAsync();
            await next.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

            Assert.False(Directory.Exists(copy), "the next run left the killed run's copy");
            Assert.Equal(FixSandboxTests.BrokenOrder, File.ReadAllText(solution.File("Lib/Order.cs")));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [OtherUserFact]
    public async Task JournalAnotherUserPlantedInTheSharedTemporaryFolder_IsNotReplayed()
    {
        const string Other = "namespace Lib;\n\npublic static class Other\n{\n}\n";
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Order.cs"] = FixSandboxTests.BrokenOrder, ["Other.cs"] = Other });
        var victim = solution.File("Lib/Other.cs");
        // Shared like /tmp (sticky, writable by all): another user gets there first with the folder this user (root, uid 0) would take.
        var shared = Directory.CreateTempSubdirectory("codellama-refactor-shared-tmp-");
        File.SetUnixFileMode(shared.FullName, (UnixFileMode)Convert.ToInt32("1777", 8));
        try
        {
            var id = Guid.NewGuid().ToString("N");
            var journal = JsonSerializer.Serialize(new[]
            {
                new
                {
                    Target = victim,
                    Temporary = Path.Combine(Path.GetDirectoryName(victim)!, $".Other.cs.{id[..8]}.codellama-refactor.tmp"),
                    Backup = "0.orig",
                    Written = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Other))),
                },
            });
            OtherUser.Shell(
                """
                set -e
                folder="$0/codellama-refactor-0/transactions"
                mkdir -p "$folder/$1"
                printf '%s' "$2" > "$folder/$1/journal.json"
                printf 'planted' > "$folder/$1/0.orig"
                : > "$folder/$1.lock"
                """,
                shared.FullName,
                id,
                journal);
            var start = ToolProcess.Start("fix", solution.Directory, "--tests", "none");
            start.Environment["TMPDIR"] = shared.FullName;
            start.Environment.Remove("XDG_RUNTIME_DIR");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync();

            Assert.Equal(Other, File.ReadAllText(victim));
            Assert.Contains("public decimal Total => Count * Cost;", File.ReadAllText(solution.File("Lib/Order.cs")), StringComparison.Ordinal);
            Assert.Contains(
                $"{Path.Combine(shared.FullName, "codellama-refactor-0")} is not used: it is owned by uid {OtherUser.Id}",
                await output + error,
                StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(shared.FullName, "codellama-refactor-0", "transactions", id, "journal.json")), "the planted journal is left alone");
        }
        finally
        {
            shared.Delete(recursive: true);
        }
    }
}
