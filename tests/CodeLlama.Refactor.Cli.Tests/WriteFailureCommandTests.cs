using System.Security.Cryptography;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>doc when the system refuses a write: nothing changed, one line naming the file and why, exit code 1.</summary>
[Trait("Category", "EndToEnd")]
public sealed class WriteFailureCommandTests
{
    [PrivilegedFact]
    public async Task ImmutableFileAmongSeveral_ChangesNothing_OneLine_ExitCode1()
    {
        using var solution = TemporarySolution.Create(Enumerable.Range(0, 4).ToDictionary(
            index => $"C{index}.cs", index => $"namespace Lib;\n\npublic class C{index}\n{{\n    public int Value => {index};\n}}\n"));
        var before = Hashes(solution.Directory);

        int exitCode;
        string output, error;
        using (Privileges.MakeImmutable(solution.File("Lib/C3.cs")))
        {
            (exitCode, output, error) = await CliRunner.RunAsync("doc", solution.Directory);
        }

        Assert.Equal(ExitCodes.FindingsRemain, exitCode);
        Assert.Equal(before, Hashes(solution.Directory));
        Assert.Equal(["Lib/C3.cs: not written (failed): Operation not permitted; no file was changed"], Lines(output, "C3.cs"));
        Assert.Contains("3 other file(s) not written: a run writes all its files or none.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    [PrivilegedFact]
    public async Task FullDisk_ChangesNothing_OneLine_ExitCode1()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string>
        {
            ["Small.cs"] = "namespace Lib;\n\npublic class Small\n{\n}\n",
        });
        var deep = solution.File("Lib/Deep");
        using var disk = Privileges.MountTmpfs(deep, "16k");
        var big = Path.Combine(deep, "Big.cs");
        File.WriteAllText(big, "namespace Lib;\n\npublic class Big\n{\n" + string.Concat(Enumerable.Range(0, 300).Select(index => $"    public int Value{index} {{ get; set; }}\n")) + "}\n");
        var before = Hashes(solution.Directory);

        var (exitCode, output, error) = await CliRunner.RunAsync("doc", solution.Directory);

        Assert.Equal(ExitCodes.FindingsRemain, exitCode);
        Assert.Equal(before, Hashes(solution.Directory));
        Assert.Equal(["Lib/Deep/Big.cs: not written (failed): No space left on device; no file was changed"], Lines(output, "Big.cs"));
        Assert.Equal(["Big.cs"], Directory.EnumerateFiles(deep).Select(Path.GetFileName));
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    private static List<string> Lines(string output, string containing) =>
        [.. output.Split('\n').Where(line => line.Contains(containing, StringComparison.Ordinal) && line.Contains("not written", StringComparison.Ordinal))];

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(file => file, file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));
}
