using System.Text;
using System.Text.RegularExpressions;

namespace CodeLlama.Refactor.Verification.Sandbox;

/// <summary>
/// Makes the user's build outputs, copied with a test copy, valid at the copy's path. Restore and the SDK write the
/// project's absolute folder into text files under <c>obj</c> (project.assets.json, the nuget.g.props and dgspec, the
/// generated editorconfig, the file lists); left as they are, restore rewrites them and every project they name is
/// compiled again. Rebased with their times kept, restore finds nothing to change and MSBuild's up-to-date checks
/// decide what is rebuilt.
/// </summary>
public static class WarmOutputs
{
    /// <summary>The kinds of file under <c>obj</c> that restore and the SDK write as text with absolute paths in them.</summary>
    public static readonly IReadOnlyList<string> TextExtensions = [".json", ".props", ".targets", ".editorconfig", ".txt"];

    /// <summary>
    /// Replaces <paramref name="sourceRoot"/> with <paramref name="copyRoot"/> in the text files under each
    /// <paramref name="intermediateFolders"/> folder, keeping each file's last write time.
    /// </summary>
    /// <param name="sourceRoot">The solution's folder.</param>
    /// <param name="copyRoot">The copy's folder.</param>
    /// <param name="intermediateFolders">The copied <c>obj</c> folders.</param>
    /// <returns>How many files were rebased.</returns>
    public static int Rebase(string sourceRoot, string copyRoot, IEnumerable<string> intermediateFolders)
    {
        ArgumentNullException.ThrowIfNull(intermediateFolders);
        // Only the whole folder name: a sibling folder whose name starts with the root's is another folder.
        var root = new Regex(Regex.Escape(Path.TrimEndingDirectorySeparator(sourceRoot)) + @"(?=[/\\""'<>;,=\s]|$)", RegexOptions.Multiline);
        var replacement = Path.TrimEndingDirectorySeparator(copyRoot).Replace("$", "$$", StringComparison.Ordinal);
        var rebased = 0;
        foreach (var file in intermediateFolders.Where(Directory.Exists).SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)))
        {
            if (!TextExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var bytes = File.ReadAllBytes(file);
            var hasBom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
            var text = Encoding.UTF8.GetString(bytes.AsSpan(hasBom ? Encoding.UTF8.Preamble.Length : 0));
            var updated = root.Replace(text, replacement);
            if (updated != text)
            {
                var written = File.GetLastWriteTimeUtc(file);
                File.WriteAllText(file, updated, new UTF8Encoding(encoderShouldEmitUTF8Identifier: hasBom));
                File.SetLastWriteTimeUtc(file, written);
                rebased++;
            }
        }

        return rebased;
    }
}
