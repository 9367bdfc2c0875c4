using CodeLlama.Refactor.Editing;

namespace CodeLlama.Refactor.Core.Tests.Editing;

/// <summary>
/// The next run undoes what a killed one left. Alone in its collection: any other test's write would recover the
/// simulated dead run first, and report it instead of this test.
/// </summary>
[Collection(nameof(KilledRunRecoveryTests))]
[CollectionDefinition(nameof(KilledRunRecoveryTests), DisableParallelization = true)]
public sealed class KilledRunRecoveryTests : IDisposable
{
    private readonly EditFolder folder = new();

    [Fact]
    public async Task RunKilledHalfwayThroughTheRenames_IsRolledBackByTheNextRun()
    {
        var first = folder.Write("A.cs", "class A { }\n");
        var second = folder.Write("B.cs", "class B { }\n");
        var created = Path.Combine(folder.Path, "New.cs");
        var writes = new[]
        {
            new PlannedWrite(first, "class A { }\n"u8.ToArray(), "// a\nclass A { }\n"u8.ToArray()),
            new PlannedWrite(created, null, "class N { }\n"u8.ToArray()),
            new PlannedWrite(second, "class B { }\n"u8.ToArray(), "// b\nclass B { }\n"u8.ToArray()),
        };
        var stray = folder.Write(".Old.cs.0123abcd" + TransactionJournal.TemporarySuffix, "left by a run without a journal");

        // What a run killed during phase 2 leaves: every temporary written, the first two renamed, its journal unlocked.
        var journal = TransactionJournal.Begin(writes);
        foreach (var (write, entry) in writes.Zip(journal.Entries))
        {
            File.WriteAllBytes(entry.Temporary, write.Content);
        }

        File.Move(journal.Entries[0].Temporary, first, overwrite: true);
        File.Move(journal.Entries[1].Temporary, created);
        journal.Keep();
        journal.Dispose();

        var other = folder.Write("Other.cs", "class O { }\n");
        var next = await VerifiedEdits.WriteAsync(folder.Path, [EditFolder.Edit(other, text => "// o\n" + text)], dryRun: false);

        Assert.Equal("class A { }\n", File.ReadAllText(first));
        Assert.Equal("class B { }\n", File.ReadAllText(second));
        Assert.False(File.Exists(created));
        Assert.False(File.Exists(stray));
        Assert.Empty(folder.Temporaries());
        Assert.Equal("// o\nclass O { }\n", File.ReadAllText(other));
        Assert.Contains(next.Recovered, note => note.Message.StartsWith($"Restored {first}", StringComparison.Ordinal));
        Assert.Contains(next.Recovered, note => note.Message.StartsWith($"Removed {stray}", StringComparison.Ordinal));
    }

    public void Dispose() => folder.Dispose();
}
