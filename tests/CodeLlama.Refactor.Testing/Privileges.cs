using System.Diagnostics;

namespace CodeLlama.Refactor.Testing;

/// <summary>
/// What a test of write failures needs from the machine: making a file immutable (<c>chattr +i</c>, root only; modes do
/// not stop root) and mounting a tiny tmpfs for a full disk. Each is probed once by trying it.
/// </summary>
public static class Privileges
{
    private static readonly Lazy<bool> Immutable = new(() => Probe(path => Run("chattr", "+i", path) && Run("chattr", "-i", path)));
    private static readonly Lazy<bool> Mount = new(() => Probe(path => Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", Path.GetDirectoryName(path)!)
        && Run("umount", Path.GetDirectoryName(path)!)));

    /// <summary>True when files can be made immutable here.</summary>
    public static bool CanMakeImmutable => Immutable.Value;

    /// <summary>True when a tmpfs can be mounted here.</summary>
    public static bool CanMountTmpfs => Mount.Value;

    /// <summary>Makes <paramref name="path"/> immutable until the result is disposed.</summary>
    public static IDisposable MakeImmutable(string path)
    {
        Require(Run("chattr", "+i", path), "chattr +i");
        return new Undo(() => Run("chattr", "-i", path));
    }

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (e.g. "64k") on the empty folder <paramref name="folder"/> until disposed.</summary>
    public static IDisposable MountTmpfs(string folder, string size)
    {
        Directory.CreateDirectory(folder);
        Require(Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", folder), "mount -t tmpfs");
        return new Undo(() => Run("umount", "-l", folder));
    }

    private static bool Probe(Func<string, bool> attempt)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var folder = Directory.CreateTempSubdirectory("privilege-probe-").FullName;
        try
        {
            var file = Path.Combine(folder, "probe");
            File.WriteAllText(file, "probe");
            return attempt(file);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool Run(string command, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void Require(bool done, string what)
    {
        if (!done)
        {
            throw new InvalidOperationException($"{what} failed although the probe succeeded.");
        }
    }

    private sealed class Undo(Func<bool> undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
