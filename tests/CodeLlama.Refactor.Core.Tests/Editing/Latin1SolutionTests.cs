using System.Text;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Editing;

/// <summary>doc on a real solution whose source file is Latin-1, as the compiler reads it with and without a CodePage.</summary>
[Trait("Category", "EndToEnd")]
public sealed class Latin1SolutionTests
{
    // "// Caf\xE9 cr\xE8me" and a string "d\xE9j\xE0": invalid UTF-8 unless the project says CodePage 1252.
    private static readonly byte[] Source =
    [
        .. "// Caf"u8, 0xE9, .. " cr"u8, 0xE8, .. "me\nnamespace Lib;\n\npublic class Menu\n{\n    public string Dish => \"d"u8,
        0xE9, .. "j"u8, 0xE0, .. "\";\n\n    public int Price(int count) => count * 3;\n}\n"u8,
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Doc_KeepsEveryByteOutsideTheInsertedComments(bool codePage1252)
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Menu.cs"] = "" });
        var menu = solution.File("Lib/Menu.cs");
        File.WriteAllBytes(menu, Source);
        if (codePage1252)
        {
            var project = solution.File("Lib/Lib.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", "<PropertyGroup><CodePage>1252</CodePage></PropertyGroup></Project>", StringComparison.Ordinal));
        }

        var result = await DocPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new DocOptions());

        Assert.Equal(FileStatus.Written, result.Files.Single().Status);
        Assert.Empty(result.Remaining);
        var written = File.ReadAllBytes(menu);
        var lines = Split(written);
        Assert.Equal(3, lines.Count(line => Encoding.ASCII.GetString(line).TrimStart().StartsWith("/// <summary>", StringComparison.Ordinal)));
        Assert.Equal(Source, lines.Where(line => !Encoding.ASCII.GetString(line).TrimStart().StartsWith("///", StringComparison.Ordinal)).SelectMany(line => line).ToArray());
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        for (var start = 0; start < bytes.Length;)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start) is var newline and >= 0 ? newline + 1 : bytes.Length;
            lines.Add(bytes[start..end]);
            start = end;
        }

        return lines;
    }
}
