using System.Security.Cryptography;

namespace CodeLlama.Refactor.Testing;

/// <summary>Every file under a folder, by relative path, with a hash of its bytes: two snapshots are equal exactly when no file was added, removed or changed.</summary>
public static class TreeSnapshot
{
    public static IReadOnlyDictionary<string, string> Take(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(
                file => Path.GetRelativePath(directory, file).Replace('\\', '/'),
                file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))),
                StringComparer.Ordinal);

    /// <summary>What differs between two snapshots, one line per file, for an assertion's message.</summary>
    public static string Difference(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        string.Join('\n', before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Where(file => !before.TryGetValue(file, out var old) || !after.TryGetValue(file, out var now) || old != now)
            .Select(file => (before.ContainsKey(file), after.ContainsKey(file)) switch
            {
                (false, _) => $"added {file}",
                (_, false) => $"removed {file}",
                _ => $"changed {file}",
            }));
}
