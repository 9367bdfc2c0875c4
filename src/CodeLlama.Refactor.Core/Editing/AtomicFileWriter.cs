using System.Text;

namespace CodeLlama.Refactor.Editing;

/// <summary>What writing a set of edits did.</summary>
/// <param name="Written">Files written.</param>
/// <param name="Conflicts">Files left alone because they changed on disk since they were loaded.</param>
public sealed record WriteResult(IReadOnlyList<string> Written, IReadOnlyList<string> Conflicts);

/// <summary>
/// Writes edits safely: one temp file + rename per file, the file's BOM kept, nothing written over a file that changed
/// since it was loaded, and every file already written restored when any write fails.
/// </summary>
public static class AtomicFileWriter
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Writes <paramref name="edits"/>.</summary>
    /// <param name="edits">The edits, at most one per file.</param>
    /// <returns>The files written and those refused as conflicts.</returns>
    /// <exception cref="IOException">A write failed; the files written before it were restored.</exception>
    public static WriteResult WriteAll(IReadOnlyList<FileEdit> edits)
    {
        var written = new List<(string Path, byte[] OriginalBytes)>();
        var conflicts = new List<string>();
        try
        {
            foreach (var edit in edits)
            {
                var bytes = File.ReadAllBytes(edit.FilePath);
                var hasBom = bytes.AsSpan().StartsWith(Utf8Bom);
                var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: hasBom);
                var onDisk = encoding.GetString(hasBom ? bytes[Utf8Bom.Length..] : bytes);
                if (onDisk != edit.Original.ToString())
                {
                    conflicts.Add(edit.FilePath);
                    continue;
                }

                Replace(edit.FilePath, [.. (hasBom ? Utf8Bom : []), .. encoding.GetBytes(edit.Updated.ToString())]);
                written.Add((edit.FilePath, bytes));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Restore(written);
            throw new IOException(
                $"Writing the changes failed ({exception.Message}); the {written.Count} file(s) already written were restored.", exception);
        }

        return new WriteResult(written.Select(file => file.Path).ToList(), conflicts);
    }

    private static void Replace(string path, byte[] content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static void Restore(IEnumerable<(string Path, byte[] OriginalBytes)> written)
    {
        foreach (var (path, originalBytes) in written)
        {
            Replace(path, originalBytes);
        }
    }
}
