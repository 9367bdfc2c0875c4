using System.Text;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Editing;

public sealed class FileBytesTests : IDisposable
{
    private static readonly byte[] Latin1Comment = [.. "// caf"u8, 0xE9, .. " cr"u8, 0xE8, .. "me\n"u8];
    private readonly EditFolder folder = new();

    static FileBytesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Latin1WithoutCodePage_EditedOutsideTheAccentedBytes_KeepsEveryOtherByte()
    {
        byte[] tail = [.. "class A\n{\n    string S = \"d"u8, 0xE9, .. "j"u8, 0xE0, .. "\";\n}\n"u8];
        var file = folder.Write("Latin1.cs", [.. Latin1Comment, .. tail]);
        var edit = EditFolder.Edit(file, text => text.Replace("class A", "/// <summary>A.</summary>\nclass A", StringComparison.Ordinal));
        Assert.Contains('\uFFFD', edit.Original.ToString());

        var written = await VerifiedEdits.WriteAsync(folder.Path, [edit], dryRun: false);

        Assert.Equal(FileStatus.Written, written.Files.Single().Status);
        Assert.Equal([.. Latin1Comment, .. "/// <summary>A.</summary>\n"u8, .. tail], File.ReadAllBytes(file));
        Assert.Empty(folder.Temporaries());
    }

    [Fact]
    public async Task Latin1WithoutCodePage_InsertionsOnBothSidesOfUndecodableBytes_KeepThem()
    {
        byte[] middle = [.. "    string S = \"d"u8, 0xE9, .. "j"u8, 0xE0, .. "\";\n"u8];
        var file = folder.Write("Latin1.cs", [.. "class A\n{\n"u8, .. middle, .. "    int N;\n}\n"u8]);
        var loaded = EditFolder.Edit(file, text => text);
        var text = loaded.Original.ToString();
        var updated = loaded.Original.WithChanges(
            new TextChange(new TextSpan(text.IndexOf("    string", StringComparison.Ordinal), 0), "    /// <summary>S.</summary>\n"),
            new TextChange(new TextSpan(text.IndexOf("    int", StringComparison.Ordinal), 0), "    /// <summary>N.</summary>\n"));

        var written = await VerifiedEdits.WriteAsync(folder.Path, [loaded with { Updated = updated }], dryRun: false);

        Assert.Equal(FileStatus.Written, written.Files.Single().Status);
        Assert.Equal(
            [.. "class A\n{\n    /// <summary>S.</summary>\n"u8, .. middle, .. "    /// <summary>N.</summary>\n    int N;\n}\n"u8],
            File.ReadAllBytes(file));
    }

    [Fact]
    public async Task Latin1WithoutCodePage_EditOfTheUndecodableBytes_IsRefusedAndNoFileIsWritten()
    {
        byte[] latin1 = [.. Latin1Comment, .. "class A { }\n"u8];
        var file = folder.Write("Latin1.cs", latin1);
        var other = folder.Write("Other.cs", "class B { }\n");

        var written = await VerifiedEdits.WriteAsync(
            folder.Path,
            [EditFolder.Edit(other, text => "/// <summary>B.</summary>\n" + text), EditFolder.Edit(file, text => text.Replace("caf\uFFFD", "cafe", StringComparison.Ordinal))],
            dryRun: false);

        Assert.Equal([FileStatus.Withheld, FileStatus.NotWritten], written.Files.Select(outcome => outcome.Status));
        Assert.Contains("not valid utf-8", written.Files[1].Reason, StringComparison.Ordinal);
        Assert.Equal(latin1, File.ReadAllBytes(file));
        Assert.Equal("class B { }\n", File.ReadAllText(other));
    }

    [Fact]
    public async Task CodePage1252_RoundTripsAndNewAccentsAreWrittenIn1252()
    {
        byte[] latin1 = [.. Latin1Comment, .. "class A { }\n"u8];
        var file = folder.Write("Latin1.cs", latin1);
        var windows1252 = Encoding.GetEncoding(1252);

        await VerifiedEdits.WriteAsync(
            folder.Path, [EditFolder.Edit(file, text => "/// <summary>Na\u00EFve.</summary>\n" + text, windows1252)], dryRun: false);

        Assert.Equal([.. "/// <summary>Na"u8, 0xEF, .. "ve.</summary>\n"u8, .. latin1], File.ReadAllBytes(file));
    }

    [Fact]
    public async Task CodePage1252_NewTextOutsideTheCodePage_IsRefused()
    {
        byte[] latin1 = [.. Latin1Comment, .. "class A { }\n"u8];
        var file = folder.Write("Latin1.cs", latin1);

        var written = await VerifiedEdits.WriteAsync(
            folder.Path, [EditFolder.Edit(file, text => "/// <summary>A \u2192 B.</summary>\n" + text, Encoding.GetEncoding(1252))], dryRun: false);

        Assert.Equal(FileStatus.NotWritten, written.Files.Single().Status);
        Assert.Contains("windows-1252 cannot represent", written.Files.Single().Reason, StringComparison.Ordinal);
        Assert.Equal(latin1, File.ReadAllBytes(file));
    }

    [Theory]
    [InlineData(1200)]
    [InlineData(1201)]
    [InlineData(12000)]
    [InlineData(65001)]
    public async Task FileWithByteOrderMark_KeepsItsMarkAndEncoding(int codePage)
    {
        var encoding = Encoding.GetEncoding(codePage);
        var mark = encoding.GetPreamble();
        var file = folder.Write("Marked.cs", [.. mark, .. encoding.GetBytes("// \u00E9t\u00E9\r\nclass A { }\r\n")]);

        await VerifiedEdits.WriteAsync(
            folder.Path, [EditFolder.Edit(file, text => text.Replace("class", "/// <summary>A.</summary>\r\nclass", StringComparison.Ordinal), encoding, mark.Length)], dryRun: false);

        Assert.Equal([.. mark, .. encoding.GetBytes("// \u00E9t\u00E9\r\n/// <summary>A.</summary>\r\nclass A { }\r\n")], File.ReadAllBytes(file));
    }

    [Fact]
    public async Task CrlfAndMissingFinalNewline_AreKept()
    {
        var file = folder.Write("Crlf.cs", "namespace N;\r\n\r\npublic class A\r\n{\r\n}");

        await VerifiedEdits.WriteAsync(
            folder.Path, [EditFolder.Edit(file, text => text.Replace("public", "/// <summary>A.</summary>\r\npublic", StringComparison.Ordinal))], dryRun: false);

        Assert.Equal("namespace N;\r\n\r\n/// <summary>A.</summary>\r\npublic class A\r\n{\r\n}"u8.ToArray(), File.ReadAllBytes(file));
    }

    [Fact]
    public async Task DryRun_ReportsARefusalAndWritesNothing()
    {
        byte[] latin1 = [.. Latin1Comment, .. "class A { }\n"u8];
        var file = folder.Write("Latin1.cs", latin1);

        var written = await VerifiedEdits.WriteAsync(
            folder.Path, [EditFolder.Edit(file, text => text.Replace("cr\uFFFDme", "creme", StringComparison.Ordinal))], dryRun: true);

        Assert.Equal(FileStatus.NotWritten, written.Files.Single().Status);
        Assert.Equal(latin1, File.ReadAllBytes(file));
    }

    public void Dispose() => folder.Dispose();
}
