using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CodeLlama.Refactor.PrivateFiles;

namespace CodeLlama.Refactor.Workspaces.Recorded;

/// <summary>
/// Where the last load of each solution is kept (<see cref="LoadRecord"/>), one file per solution and way of loading,
/// in a folder of the user's own (never under the solution). A record is handed out only while the files it was made
/// from are as they were; even then it is only a start: what is repaired from it is written only once MSBuild, loading
/// the solution meanwhile, has made the same solution (<see cref="LoadEquivalence"/>).
/// </summary>
public sealed class LoadCache
{
    /// <summary>Keeps records in <paramref name="folder"/>, which is made when the first is written.</summary>
    /// <param name="folder">A folder of the user's own.</param>
    public LoadCache(string folder) => Folder = Path.GetFullPath(folder ?? throw new ArgumentNullException(nameof(folder)));

    /// <summary>The folder the records are in.</summary>
    public string Folder { get; }

    /// <summary>
    /// The records in the user's private folder (<see cref="PrivateFolder"/>, <c>loads/</c>): a folder only this user
    /// can write to, so that no one else can plant a record (its analyzers would be loaded before MSBuild's load is
    /// compared with it). Null when there is no such folder.
    /// </summary>
    /// <returns>The cache, or null.</returns>
    public static LoadCache? ForUser()
    {
        try
        {
            return new LoadCache(Path.Combine(PrivateFolder.Root, "loads"));
        }
        catch (EnvironmentException)
        {
            return null;
        }
    }

    /// <summary>The record of <paramref name="path"/> loaded as <paramref name="options"/> say, while its files are as they were; else null.</summary>
    /// <param name="path">The solution or project.</param>
    /// <param name="options">How it is loaded.</param>
    /// <returns>The record, or null.</returns>
    internal LoadRecord? TryRead(SolutionPath path, LoadOptions options)
    {
        if (options.LeaveTreeUnchanged)
        {
            return null;
        }

        try
        {
            var file = FileFor(path, options);
            if (!File.Exists(file) || JsonSerializer.Deserialize(File.ReadAllBytes(file), LoadRecordJson.Default.LoadRecord) is not { Format: LoadRecord.CurrentFormat } record)
            {
                return null;
            }

            var unchanged = record.Stamps.SequenceEqual(LoadStamps.Of(path, record.Projects.Select(project => project.FilePath)))
                && record.Projects.All(project => project.SourceListing == LoadStamps.SourceListing(project.FilePath));
            return unchanged ? record : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>Records <paramref name="loaded"/>, replacing what was kept for it; a solution that cannot be recorded faithfully is forgotten instead.</summary>
    /// <param name="loaded">A solution just loaded through MSBuild as <paramref name="options"/> say.</param>
    /// <param name="options">How it was loaded.</param>
    /// <param name="cancellationToken">Cancels reading the files.</param>
    /// <returns>Whether a record was written.</returns>
    internal async Task<bool> WriteAsync(LoadedSolution loaded, LoadOptions options, CancellationToken cancellationToken)
    {
        if (options.LeaveTreeUnchanged)
        {
            return false;
        }

        var file = FileFor(loaded.Path, options);
        try
        {
            var record = await LoadRecorder.RecordAsync(loaded, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                File.Delete(file);
                return false;
            }

            CreateOwnFolder();
            // Written whole under another name, then renamed: a run reading it meanwhile sees the old record or the new one.
            var part = $"{file}.{Environment.ProcessId}.part";
            await File.WriteAllBytesAsync(part, JsonSerializer.SerializeToUtf8Bytes(record, LoadRecordJson.Default.LoadRecord), cancellationToken).ConfigureAwait(false);
            File.Move(part, file, overwrite: true);
            ForgetUnused();
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    // Records not written for a month go: most are of solutions no longer worked on or of older builds of the tool (one
    // still in use costs one run that waits for MSBuild, and is written again).
    private void ForgetUnused()
    {
        foreach (var record in Directory.EnumerateFiles(Folder, "*.json"))
        {
            if (File.GetLastWriteTimeUtc(record) < DateTime.UtcNow - TimeSpan.FromDays(30))
            {
                File.Delete(record);
            }
        }
    }

    private void CreateOwnFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // One file per solution, way of loading and build of the tool: another build may record differently.
    private string FileFor(SolutionPath path, LoadOptions options)
    {
        var properties = options.Properties is null ? "" : string.Join('\n', options.Properties.OrderBy(entry => entry.Key, StringComparer.OrdinalIgnoreCase).Select(entry => $"{entry.Key}={entry.Value}"));
        var tool = typeof(LoadCache).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            + "|" + typeof(LoadCache).Assembly.ManifestModule.ModuleVersionId;
        var key = string.Join('\n', path.FullPath, options.Restore, properties, tool);
        return Path.Combine(Folder, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + ".json");
    }
}
