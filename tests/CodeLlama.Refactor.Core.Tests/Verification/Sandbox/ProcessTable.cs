namespace CodeLlama.Refactor.Core.Tests.Verification.Sandbox;

/// <summary>The host's processes, read from /proc, as a test that kills a tree checks them.</summary>
internal static class ProcessTable
{
    /// <summary>The ids and command lines of the processes whose command line mentions <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Mentioning(string text) =>
        Directory.EnumerateDirectories("/proc")
            .Where(folder => int.TryParse(Path.GetFileName(folder), out _))
            .Select(folder => (Id: Path.GetFileName(folder), CommandLine: Read(Path.Combine(folder, "cmdline"))))
            .Where(process => process.CommandLine.Contains(text, StringComparison.Ordinal))
            .Select(process => $"{process.Id}: {process.CommandLine}")
            .ToList();

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (IOException)
        {
            // The process ended while the table was read.
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
