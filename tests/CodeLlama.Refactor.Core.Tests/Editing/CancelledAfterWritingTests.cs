using CodeLlama.Refactor.Editing;

namespace CodeLlama.Refactor.Core.Tests.Editing;

/// <summary>A cancellation in the steps after a write names the written files, so that it never reads as "nothing changed".</summary>
public sealed class CancelledAfterWritingTests : IDisposable
{
    private readonly EditFolder folder = new();

    [Fact]
    public async Task Cancelled_after_a_write_names_the_written_files()
    {
        var file = folder.Write("A.cs", "class A { }\n");
        var written = await VerifiedEdits.WriteAsync(folder.Path, [EditFolder.Edit(file, text => "// new\n" + text)], dryRun: false);

        var cancelled = await Assert.ThrowsAsync<CancelledAfterWritingException>(
            () => written.ThenAsync<int>(() => throw new OperationCanceledException()));

        Assert.Equal(["A.cs"], cancelled.WrittenFiles);
        Assert.StartsWith("// new\n", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelled_after_a_dry_run_stays_a_plain_cancellation()
    {
        var file = folder.Write("A.cs", "class A { }\n");
        var dryRun = await VerifiedEdits.WriteAsync(folder.Path, [EditFolder.Edit(file, text => "// new\n" + text)], dryRun: true);

        var cancelled = await Assert.ThrowsAsync<OperationCanceledException>(
            () => dryRun.ThenAsync<int>(() => throw new OperationCanceledException()));

        Assert.IsNotType<CancelledAfterWritingException>(cancelled);
        Assert.Equal("class A { }\n", File.ReadAllText(file));
    }

    [Fact]
    public async Task Steps_that_finish_return_their_result()
    {
        var written = await VerifiedEdits.WriteAsync(folder.Path, [], dryRun: false);

        Assert.Equal(7, await written.ThenAsync(() => Task.FromResult(7)));
    }

    public void Dispose() => folder.Dispose();
}
