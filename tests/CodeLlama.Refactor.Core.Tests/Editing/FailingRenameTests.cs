using CodeLlama.Refactor.Editing;

namespace CodeLlama.Refactor.Core.Tests.Editing;

/// <summary>
/// Phase 2 of <see cref="WriteTransaction"/> fails on a chosen rename, through its move seam: the rollback is tested
/// as any user, without root, <c>chattr</c> or a mount (those tests remain in <see cref="WriteTransactionTests"/>).
/// In the recovery collection: a journal kept here is undone by whichever run writes next.
/// </summary>
[Collection(nameof(KilledRunRecoveryTests))]
public sealed class FailingRenameTests : IDisposable
{
    private readonly EditFolder folder = new();

    [Fact]
    public async Task ThirdRenameFails_TheTwoFilesAlreadyReplacedGetTheirBytesBack_AndTheNewFileIsRemoved()
    {
        var (writes, first, created, second) = ThreeWrites();
        var moves = new FailingMoves(3);

        var result = await WriteTransaction.CommitAsync(writes, moves.Move, CancellationToken.None);

        Assert.Equal(new TransactionResult(TransactionStatus.Failed, second, "injected failure of rename 3"), result);
        Assert.Equal("class A { }\n", File.ReadAllText(first));
        Assert.Equal("class B { }\n", File.ReadAllText(second));
        Assert.False(File.Exists(created));
        Assert.Empty(folder.Temporaries());
        // Renames 1 and 2 replaced A.cs and created New.cs; the rollback then restored A.cs by a fourth rename.
        Assert.Equal([first, created, second, first], moves.Destinations);
    }

    [Fact]
    public async Task RollbackFailsToo_TheJournalIsKept_AndTheNextRunRestoresTheFile()
    {
        var (writes, first, created, second) = ThreeWrites();
        // Rename 3 fails, and so does the rollback's rename of A.cs (rename 4).
        var moves = new FailingMoves(3, 4);

        var result = await WriteTransaction.CommitAsync(writes, moves.Move, CancellationToken.None);

        Assert.Equal(TransactionStatus.Failed, result.Status);
        Assert.Equal(second, result.FilePath);
        Assert.Equal(
            $"injected failure of rename 3; restoring {first} failed too: the next run restores them from {TransactionJournal.Root}", result.Reason);
        Assert.Equal("// a\nclass A { }\n", File.ReadAllText(first));
        Assert.False(File.Exists(created));

        var notes = TransactionJournal.Recover(folder.Path, [folder.Path]);

        Assert.Equal("class A { }\n", File.ReadAllText(first));
        Assert.Equal("class B { }\n", File.ReadAllText(second));
        Assert.Contains(notes, note => note.StartsWith($"Restored {first}", StringComparison.Ordinal));
        Assert.Empty(folder.Temporaries());
    }

    public void Dispose() => folder.Dispose();

    private (PlannedWrite[] Writes, string First, string Created, string Second) ThreeWrites()
    {
        var first = folder.Write("A.cs", "class A { }\n");
        var second = folder.Write("B.cs", "class B { }\n");
        var created = Path.Combine(folder.Path, "New.cs");
        PlannedWrite[] writes =
        [
            new(first, "class A { }\n"u8.ToArray(), "// a\nclass A { }\n"u8.ToArray()),
            new(created, null, "class N { }\n"u8.ToArray()),
            new(second, "class B { }\n"u8.ToArray(), "// b\nclass B { }\n"u8.ToArray()),
        ];
        return (writes, first, created, second);
    }

    /// <summary>Real renames, except the numbered ones (counting from 1), which fail as the system would.</summary>
    private sealed class FailingMoves(params int[] failOn)
    {
        public List<string> Destinations { get; } = [];

        public void Move(string source, string destination, bool overwrite)
        {
            Destinations.Add(destination);
            if (failOn.Contains(Destinations.Count))
            {
                throw new IOException($"injected failure of rename {Destinations.Count}");
            }

            File.Move(source, destination, overwrite);
        }
    }
}
