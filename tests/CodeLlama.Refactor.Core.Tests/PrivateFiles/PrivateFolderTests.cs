using CodeLlama.Refactor.Core.Tests.Verification.Sandbox;
using CodeLlama.Refactor.PrivateFiles;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Core.Tests.PrivateFiles;

/// <summary>The per-user folder is made private, and anything another user could have planted or swapped is refused.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class PrivateFolderTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // Shared like /tmp: anyone may create in it, and the sticky bit keeps them from renaming what others made.
    private readonly string shared = Directory.CreateTempSubdirectory("private-folder-tests-").FullName;

    public PrivateFolderTests() =>
        File.SetUnixFileMode(shared, UnixFileMode.StickyBit | OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);

    [LinuxFact]
    public void MissingFolder_IsCreatedOwnerOnly_AndAccepted()
    {
        var folder = Path.Combine(shared, "codellama-refactor-test");

        Assert.Null(PrivateFolder.Refusal(folder));

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFiles.EffectiveUserId, UnixFiles.Status(folder)!.Owner);
    }

    [OtherUserFact]
    public void FolderAnotherUserCreatedFirst_IsRefused_AndTheNextCandidateTaken()
    {
        var planted = Path.Combine(shared, "codellama-refactor-planted");
        var fallback = Path.Combine(shared, "codellama-refactor-fallback");
        OtherUser.Shell("mkdir -m 700 \"$0\" && mkdir \"$0/transactions\"", planted);

        var choice = PrivateFolder.Choose([planted, fallback]);

        Assert.Equal(fallback, choice.Path);
        var warning = Assert.Single(choice.Refusals);
        Assert.Contains($"{planted} is not used: it is owned by uid {OtherUser.Id}", warning, StringComparison.Ordinal);
    }

    [OtherUserFact]
    public void LinkAnotherUserPlanted_IsRefused_EvenToAFolderOfOurs()
    {
        var ours = Directory.CreateDirectory(Path.Combine(shared, "ours"), OwnerOnly).FullName;
        var link = Path.Combine(shared, "codellama-refactor-link");
        OtherUser.Shell("ln -s \"$1\" \"$0\"", link, ours);

        Assert.Equal("it is a symbolic link", PrivateFolder.Refusal(link));
    }

    [LinuxFact]
    public void OwnFolderOthersCanRead_IsRefused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(shared, "codellama-refactor-open"), OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute).FullName;

        Assert.Equal("its mode is 755, not 700", PrivateFolder.Refusal(folder));
    }

    [LinuxFact]
    public void FolderInASharedParentWithoutTheStickyBit_IsRefused()
    {
        // A TMPDIR pointing at such a folder: another user could rename the checked folder away and put theirs in its place.
        File.SetUnixFileMode(shared, File.GetUnixFileMode(shared) & ~UnixFileMode.StickyBit);

        var refusal = PrivateFolder.Refusal(Path.Combine(shared, "codellama-refactor-test"));

        Assert.Equal($"its parent {shared} is writable by others without the sticky bit", refusal);
        Assert.False(Directory.Exists(Path.Combine(shared, "codellama-refactor-test")));
    }

    [LinuxFact]
    public void FileInThePlaceOfTheFolder_IsRefused()
    {
        var file = Path.Combine(shared, "codellama-refactor-file");
        File.WriteAllText(file, "not a folder");

        Assert.Equal("it is not a directory", PrivateFolder.Refusal(file));
    }

    [LinuxFact]
    public void Candidates_NameThisUser_InTheTemporaryFolder_AndTheChosenRootIsPrivate()
    {
        var user = UnixFiles.EffectiveUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains(Path.Combine(Path.GetTempPath(), $"codellama-refactor-{user}"), PrivateFolder.Candidates());
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(PrivateFolder.Root));
        Assert.Equal(UnixFiles.EffectiveUserId, UnixFiles.Status(PrivateFolder.Root)!.Owner);
    }

    public void Dispose() => Directory.Delete(shared, recursive: true);
}
