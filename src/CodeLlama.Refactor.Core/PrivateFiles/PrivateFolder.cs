using System.Globalization;

namespace CodeLlama.Refactor.PrivateFiles;

/// <summary>
/// The one folder, private to this user, that holds what the tool keeps outside the user's tree: transaction journals,
/// test copies, scratch build outputs. It is <c>$XDG_RUNTIME_DIR/codellama-refactor</c>, else
/// <c>$TMPDIR/codellama-refactor-UID</c>, else <c>/tmp/codellama-refactor-UID</c>: the first that is (or can be created
/// as) a real directory, not a link, owned by this user, with mode 0700, in a parent no other user can rename it in.
/// A folder another user created first, a link, or a shared parent is refused with a warning and never used: what it
/// holds could be planted (a journal that restores chosen bytes over the user's files).
/// </summary>
public static class PrivateFolder
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OthersWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    private static readonly Lazy<PrivateFolderChoice> Chosen = new(() =>
    {
        var choice = Choose(Candidates());
        if (choice.Path is { } root)
        {
            RunFolders.RemoveDead(root);
        }

        return choice;
    });

    /// <summary>The folder, checked once per process (and the copies dead runs left in it removed).</summary>
    /// <exception cref="EnvironmentException">No candidate is safe to use.</exception>
    public static string Root => Chosen.Value.Path ?? throw new EnvironmentException(
        "No private folder for journals and copies: " + string.Join("; ", Chosen.Value.Refusals)
        + ". Set TMPDIR (or XDG_RUNTIME_DIR) to a folder only you can write to.");

    /// <summary>
    /// Chooses the folder now, and so removes what runs killed before they could clean up left in it (copies, and the
    /// processes still working in them); never fails: a missing folder is reported by <see cref="Root"/> when needed.
    /// </summary>
    public static void RemoveWhatDeadRunsLeft() => _ = Chosen.Value;

    /// <summary>Why a preferred candidate was not used, one warning each; empty when the first one was.</summary>
    public static IReadOnlyList<string> Warnings => Chosen.Value.Refusals;

    /// <summary>Creates a new folder under <see cref="Root"/> for this run, named so that a later run can tell when its owner died.</summary>
    /// <param name="kind">What it holds, e.g. <c>run</c>: the start of its name.</param>
    /// <returns>The folder's full path (mode 0700).</returns>
    public static string CreateRunFolder(string kind) => RunFolders.Create(Root, kind);

    /// <summary>The candidates in order of preference.</summary>
    /// <returns>Full paths.</returns>
    internal static IEnumerable<string> Candidates()
    {
        var user = OperatingSystem.IsWindows() ? Environment.UserName : UnixFiles.EffectiveUserId.ToString(CultureInfo.InvariantCulture);
        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime && Path.IsPathFullyQualified(runtime))
        {
            yield return Path.Combine(runtime, "codellama-refactor");
        }

        yield return Path.Combine(Path.GetTempPath(), $"codellama-refactor-{user}");
        if (!OperatingSystem.IsWindows())
        {
            yield return $"/tmp/codellama-refactor-{user}";
        }
    }

    /// <summary>The first of <paramref name="candidates"/> that <see cref="Refusal"/> accepts.</summary>
    /// <param name="candidates">Full paths, in order of preference.</param>
    /// <returns>The folder, or none, and why each one before it was refused.</returns>
    internal static PrivateFolderChoice Choose(IEnumerable<string> candidates)
    {
        var refusals = new List<string>();
        foreach (var candidate in candidates.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            if (Refusal(candidate) is { } reason)
            {
                refusals.Add($"{candidate} is not used: {reason}");
                continue;
            }

            return new PrivateFolderChoice(candidate, refusals);
        }

        return new PrivateFolderChoice(null, refusals);
    }

    /// <summary>Creates <paramref name="folder"/> (mode 0700) when missing, then checks it.</summary>
    /// <param name="folder">A full path.</param>
    /// <returns>Null when it is safe to use, else why not.</returns>
    internal static string? Refusal(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            // The temporary folder is the user's own (%LOCALAPPDATA%\Temp) and its ACLs are inherited.
            Directory.CreateDirectory(folder);
            return null;
        }

        try
        {
            if (ParentRefusal(Path.GetDirectoryName(folder)!) is { } parent)
            {
                return parent;
            }

            // mkdir never follows or replaces what is there: an existing entry is checked below as it is.
            if (UnixFiles.Status(folder) is null)
            {
                Directory.CreateDirectory(folder, OwnerOnly);
            }

            var status = UnixFiles.Status(folder);
            return status switch
            {
                null => "it vanished while being created",
                { IsLink: true } => "it is a symbolic link",
                { IsDirectory: false } => "it is not a directory",
                _ when status.Owner != UnixFiles.EffectiveUserId => $"it is owned by uid {status.Owner}, not by this user (uid {UnixFiles.EffectiveUserId})",
                _ when (status.Mode & ~OwnerOnly) != 0 => $"its mode is {Convert.ToString((int)status.Mode, 8)}, not 700",
                _ => null,
            };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return exception.Message;
        }
    }

    // A folder in a parent that others may write to without the sticky bit can be renamed away and replaced after
    // it was checked; /tmp is sticky, a world-writable TMPDIR may not be.
    private static string? ParentRefusal(string parent)
    {
        var status = UnixFiles.Status(parent, followLinks: true);
        return status switch
        {
            null => $"its parent {parent} does not exist",
            _ when status.Owner != 0 && status.Owner != UnixFiles.EffectiveUserId => $"its parent {parent} belongs to uid {status.Owner}",
            _ when (status.Mode & OthersWrite) != 0 && (status.Mode & UnixFileMode.StickyBit) == 0 =>
                $"its parent {parent} is writable by others without the sticky bit",
            _ => null,
        };
    }
}

/// <summary>Which private folder was chosen.</summary>
/// <param name="Path">The folder, or null when none is safe.</param>
/// <param name="Refusals">Why each candidate before it was refused.</param>
internal sealed record PrivateFolderChoice(string? Path, IReadOnlyList<string> Refusals);
