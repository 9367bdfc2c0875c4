using System.Text;
using CodeLlama.Refactor.Editing;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Editing;

/// <summary>A temporary folder of files to edit, with edits built the way the workspace loads text.</summary>
internal sealed class EditFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("verified-edits-").FullName;

    public string Write(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    /// <summary>An edit of <paramref name="path"/> from its text as decoded with <paramref name="encoding"/> (UTF-8 by default, invalid bytes as U+FFFD).</summary>
    public static FileEdit Edit(string path, Func<string, string> change, Encoding? encoding = null, int markLength = 0)
    {
        encoding ??= Encoding.UTF8;
        var bytes = File.ReadAllBytes(path);
        var original = SourceText.From(encoding.GetString(bytes, markLength, bytes.Length - markLength), encoding);
        return new FileEdit(path, original, SourceText.From(change(original.ToString()), encoding));
    }

    public IReadOnlyList<string> Temporaries() =>
        [.. Directory.EnumerateFiles(Path, "*.tmp", SearchOption.AllDirectories)];

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
