using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Editing;

/// <summary>The bytes one edit would write, or why it cannot be written.</summary>
/// <param name="Write">The planned write; null when the file cannot be written.</param>
/// <param name="Status">Why not (<see cref="FileStatus.Conflict"/>, <see cref="FileStatus.NotWritten"/>, <see cref="FileStatus.Failed"/>).</param>
/// <param name="Reason">Why not, in one phrase.</param>
internal sealed record EditPlan(PlannedWrite? Write, FileStatus Status = FileStatus.DryRun, string? Reason = null)
{
    /// <summary>Reads the file behind <paramref name="edit"/> and computes its new bytes.</summary>
    /// <param name="edit">A verified edit.</param>
    /// <returns>The plan.</returns>
    public static EditPlan For(FileEdit edit)
    {
        var path = RealPath(edit.FilePath);
        if (edit.IsNewFile)
        {
            if (File.Exists(path) || Directory.Exists(path))
            {
                return new EditPlan(null, FileStatus.Conflict, "the file already exists");
            }

            var (mark, newEncoding) = SourceEncoding.ForNewFile(edit.Updated.Encoding);
            try
            {
                return new EditPlan(new PlannedWrite(path, null, [.. mark, .. newEncoding.GetBytes(edit.Updated.ToString())]));
            }
            catch (System.Text.EncoderFallbackException)
            {
                return new EditPlan(null, FileStatus.NotWritten, $"the new text has characters {newEncoding.WebName} cannot represent");
            }
        }

        byte[] current;
        try
        {
            current = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (WriteFailure.IsWriteError(exception))
        {
            return new EditPlan(null, exception is FileNotFoundException or DirectoryNotFoundException ? FileStatus.Conflict : FileStatus.Failed,
                exception is FileNotFoundException or DirectoryNotFoundException ? "the file was deleted since it was loaded" : WriteFailure.Describe(exception));
        }

        var (markLength, encoding) = SourceEncoding.Detect(current, edit.Original.Encoding);
        var original = edit.Original.ToString();
        if (encoding.GetString(current, markLength, current.Length - markLength) != original)
        {
            return new EditPlan(null, FileStatus.Conflict, "the file changed on disk since it was loaded");
        }

        var (bytes, refusal) = EditedBytes.Compute(current, markLength, encoding, original, edit.Updated.ToString(), Changes(edit));
        return bytes is null
            ? new EditPlan(null, FileStatus.NotWritten, refusal)
            : new EditPlan(new PlannedWrite(path, current, bytes));
    }

    // The text's own changes when it was made from the original (each comment doc inserts); else one change of everything.
    private static IReadOnlyList<TextChange> Changes(FileEdit edit)
    {
        var changes = edit.Updated.GetTextChanges(edit.Original);
        return edit.Original.WithChanges(changes).ContentEquals(edit.Updated)
            ? changes
            : [new TextChange(new TextSpan(0, edit.Original.Length), edit.Updated.ToString())];
    }

    // Writing through a symbolic link replaces the file it points to, not the link.
    private static string RealPath(string path) =>
        File.Exists(path) && new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : path;
}
