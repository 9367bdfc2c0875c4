namespace CodeLlama.Refactor.PrivateFiles;

/// <summary>What Linux's /proc says about the machine's processes; nothing where there is no /proc.</summary>
internal static class ProcessTable
{
    /// <summary>The ids of the processes /proc lists now.</summary>
    /// <returns>The ids; none where there is no /proc.</returns>
    public static IEnumerable<int> Ids()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid))
            {
                yield return pid;
            }
        }
    }

    /// <summary>Whether the command line of process <paramref name="pid"/> holds <paramref name="text"/>.</summary>
    /// <param name="pid">A process id.</param>
    /// <param name="text">What to look for.</param>
    /// <returns>False also when the process is gone or not this user's to read.</returns>
    public static bool CommandLineHolds(int pid, string text)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains(text, StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The fields of /proc/PID/stat from the third (the state) on: the command name before them is in parentheses and
    /// may hold spaces, so they are counted after its closing one. Field N of proc(5) is at index N - 3.
    /// </summary>
    /// <param name="pid">A process id.</param>
    /// <returns>The fields, or null when the process is gone or not readable.</returns>
    public static string[]? StatusFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
