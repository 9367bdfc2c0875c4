using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace CodeLlama.Refactor.PrivateFiles;

/// <summary>What .NET does not say about a file on Linux: its owner, and whether the path itself is a link.</summary>
internal static class UnixFiles
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxTypeModeUid = 0x1 | 0x2 | 0x8;
    private const int StatxSize = 256;
    private const int TypeMask = 0xF000;
    private const int DirectoryType = 0x4000;
    private const int LinkType = 0xA000;

    /// <summary>Whether owners can be read here (Linux: <c>statx</c>, glibc 2.28 or later).</summary>
    public static bool CanReadOwners => OperatingSystem.IsLinux();

    /// <summary>The effective user id of this process.</summary>
    public static uint EffectiveUserId => geteuid();

    /// <summary>The status of <paramref name="path"/> itself (a link is not followed), or null when it does not exist.</summary>
    /// <param name="path">The path.</param>
    /// <param name="followLinks">True to describe what a link points to instead.</param>
    /// <returns>Owner, permission bits and kind; null when missing.</returns>
    /// <exception cref="IOException">The status cannot be read for another reason.</exception>
    public static FileStatus? Status(string path, bool followLinks = false)
    {
        if (!CanReadOwners)
        {
            return ManagedStatus(path, followLinks);
        }

        var buffer = new byte[StatxSize];
        var name = Encoding.UTF8.GetBytes(path + "\0");
        if (statx(AtFdCwd, name, followLinks ? 0 : AtSymlinkNoFollow, StatxTypeModeUid, buffer) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error == 2 ? null : throw new IOException($"Cannot read the status of {path} (errno {error}).");
        }

        // struct statx: stx_uid at offset 20, stx_mode (type and permission bits) at offset 28, on every architecture.
        var owner = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(20));
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28));
        return new FileStatus(owner, (UnixFileMode)(mode & 0xFFF), (mode & TypeMask) == DirectoryType, (mode & TypeMask) == LinkType);
    }

    // Elsewhere (macOS) the owner cannot be read without statx: it is taken to be this user, and only the kind and
    // the permission bits are checked.
    private static FileStatus? ManagedStatus(string path, bool followLinks)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (followLinks && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            info = target;
        }

        return info.Exists || info.LinkTarget is not null
            ? new FileStatus(EffectiveUserId, info.UnixFileMode, info is DirectoryInfo && info.LinkTarget is null, info.LinkTarget is not null)
            : null;
    }

    [DllImport("libc", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int statx(int dirfd, byte[] pathname, int flags, uint mask, [Out] byte[] statxbuf);

    [DllImport("libc")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint geteuid();
}

/// <summary>What <see cref="UnixFiles.Status"/> reads.</summary>
/// <param name="Owner">The owner's user id.</param>
/// <param name="Mode">The permission bits (with set-id and sticky bits).</param>
/// <param name="IsDirectory">True for a directory.</param>
/// <param name="IsLink">True for a symbolic link (only when links are not followed).</param>
internal sealed record FileStatus(uint Owner, UnixFileMode Mode, bool IsDirectory, bool IsLink);
