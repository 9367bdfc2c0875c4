using CodeLlama.Refactor.Core.Tests.PrivateFiles;
using CodeLlama.Refactor.Core.Tests.Verification.Sandbox;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Core.Tests.Editing;

/// <summary>
/// A dead run's journal is replayed only inside the solution being written and only when this user made it: else it
/// is reported and left alone. In the recovery tests' collection: each run's recovery looks at every journal.
/// </summary>
[Collection(nameof(KilledRunRecoveryTests))]
public sealed class UntrustedJournalTests : IDisposable
{
    private const string Original = "class A { }\n";
    private const string Written = "// written by the dead run\nclass A { }\n";

    private readonly EditFolder elsewhere = new();
    private readonly EditFolder solution = new();

    [Fact]
    public async Task JournalOfAnotherFolder_IsNotReplayed_ButReported_AndReplayedWhereItBelongs()
    {
        var target = elsewhere.Write("A.cs", Written);
        var journal = DeadRunJournal(target);

        var next = await WriteInSolutionAsync();

        Assert.Equal(Written, File.ReadAllText(target));
        Assert.Contains(next.Recovered, note => note.Message.Contains($"{journal} of an interrupted run was not replayed: {target} is outside the solution's folder", StringComparison.Ordinal));

        TransactionJournal.Recover(elsewhere.Path, []);
        Assert.Equal(Original, File.ReadAllText(target));
    }

    [Fact]
    public async Task JournalWithDotDotPaths_IsNotReplayed()
    {
        var target = elsewhere.Write("A.cs", Written);
        // Inside the solution by its text, in the other folder once `..` is resolved.
        var dotted = Path.Combine(solution.Path, "..", Path.GetFileName(elsewhere.Path), "A.cs");
        var journal = DeadRunJournal(dotted);

        var next = await WriteInSolutionAsync();

        Assert.Equal(Written, File.ReadAllText(target));
        Assert.Contains(next.Recovered, note => note.Message.Contains($"{journal} of an interrupted run was not replayed: {dotted} is not a plain full path", StringComparison.Ordinal));
        Forget(journal);
    }

    [Fact]
    public async Task JournalThroughALinkedFolder_IsNotReplayed()
    {
        var target = elsewhere.Write("A.cs", Written);
        var link = Path.Combine(solution.Path, "linked");
        Directory.CreateSymbolicLink(link, elsewhere.Path);
        var journal = DeadRunJournal(Path.Combine(link, "A.cs"));

        var next = await WriteInSolutionAsync();

        Assert.Equal(Written, File.ReadAllText(target));
        Assert.Contains(next.Recovered, note => note.Message.Contains($"not replayed: {link} is a symbolic link", StringComparison.Ordinal));
        Forget(journal);
    }

    [OtherUserFact]
    public async Task JournalOwnedByAnotherUser_IsNotReplayed()
    {
        var target = solution.Write("A.cs", Written);
        var journal = DeadRunJournal(target);
        // Handed to another uid, as if it had been planted: root can, and nothing else could write in the private folder.
        using (var chown = System.Diagnostics.Process.Start("chown", ["-R", $"{OtherUser.Id}:{OtherUser.Id}", journal]))
        {
            await chown.WaitForExitAsync();
        }

        var next = await WriteInSolutionAsync();

        Assert.Equal(Written, File.ReadAllText(target));
        Assert.Contains(next.Recovered, note => note.Message.Contains($"not replayed: {journal} belongs to uid {OtherUser.Id}, not to this user", StringComparison.Ordinal));
        Forget(journal);
    }

    [Fact]
    public void JournalWhoseBackupIsNoFileOfTheJournal_IsRefused()
    {
        var target = solution.Write("A.cs", Written);
        var entry = new TransactionJournal.Entry(target, Path.Combine(solution.Path, ".A.cs.01234567" + TransactionJournal.TemporarySuffix), "/etc/passwd", "00");

        var refusal = JournalTrust.Refusal("/nonexistent.lock", "/nonexistent", [entry], solution.Path);

        Assert.Equal($"its backup of {target} is not a file of the journal", refusal);
    }

    public void Dispose()
    {
        elsewhere.Dispose();
        solution.Dispose();
    }

    // What a run killed after replacing the file leaves: the journal, unlocked, with the original as its backup.
    private static string DeadRunJournal(string target)
    {
        var journal = TransactionJournal.Begin([new PlannedWrite(target, "class A { }\n"u8.ToArray(), System.Text.Encoding.UTF8.GetBytes(Written))]);
        journal.Keep();
        journal.Dispose();
        return Directory.EnumerateDirectories(TransactionJournal.Root)
            .Single(folder => TransactionJournal.Read(folder) is [var entry] && entry.Target == target);
    }

    private static void Forget(string journal)
    {
        Directory.Delete(journal, recursive: true);
        File.Delete(journal + ".lock");
    }

    private Task<WrittenEdits> WriteInSolutionAsync()
    {
        var other = solution.Write("Other.cs", "class O { }\n");
        return VerifiedEdits.WriteAsync(solution.Path, [EditFolder.Edit(other, text => "// o\n" + text)], dryRun: false);
    }
}
