using CodeLlama.Refactor.Verification.Testing;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace CodeLlama.Refactor.Core.Tests.Verification.Testing;

/// <summary>
/// A reference assembly written by another compiler from the same declarations differs in the ids derived from the
/// whole image (MVID, time stamp, checksum, signature), and only there; any other byte is a different declaration.
/// </summary>
public sealed class ReferenceAssemblyIdentityTests
{
    private const string Code = "public static class Calculator { public const int Zero = 0; public static int Add(int a, int b) => a + b; }";

    [Fact]
    public void TheSameDeclarations_WithAnotherBuildsIds_AreTheSame()
    {
        var one = ReferenceOf(Code);
        var other = WithOtherIds(one);

        Assert.False(one.AsSpan().SequenceEqual(other));
        Assert.True(ReferenceAssemblyIdentity.SameDeclarations(one, other));
    }

    [Fact]
    public void AnyOtherByte_IsAnotherDeclaration()
    {
        var one = ReferenceOf(Code);
        var other = WithOtherIds(one);
        var name = other.AsSpan().IndexOf("Calculator"u8);
        other[name] = (byte)'K';

        Assert.False(ReferenceAssemblyIdentity.SameDeclarations(one, other));
    }

    [Theory]
    [InlineData("public static class Calculator { public static int Sum(int a, int b) => a + b; }")]
    [InlineData("public static class Calculator { public static long Add(int a, int b) => a + b; }")]
    [InlineData("public static class Calculator { public const int Zero = 1; public static int Add(int a, int b) => a + b; }")]
    public void OtherDeclarations_AreNotTheSame(string changed)
    {
        Assert.False(ReferenceAssemblyIdentity.SameDeclarations(ReferenceOf(Code), ReferenceOf(changed)));
    }

    [Fact]
    public void BytesThatAreNoAssembly_AreNotTheSame()
    {
        var bytes = new byte[64];

        Assert.False(ReferenceAssemblyIdentity.SameDeclarations(bytes, bytes));
    }

    // The image as another compiler's deterministic build would write it: another MVID wherever it is written, and
    // the time stamp and checksum derived from it.
    private static byte[] WithOtherIds(byte[] image)
    {
        using var reader = new PEReader(new MemoryStream(image));
        var metadata = reader.GetMetadataReader();
        var mvid = metadata.GetGuid(metadata.GetModuleDefinition().Mvid).ToByteArray();
        var other = (byte[])image.Clone();
        var replacement = Guid.NewGuid().ToByteArray();
        for (var at = other.AsSpan().IndexOf(mvid); at >= 0; at = other.AsSpan().IndexOf(mvid))
        {
            replacement.CopyTo(other, at);
        }

        other[reader.PEHeaders.CoffHeaderStartOffset + 4] ^= 0xFF;
        other[reader.PEHeaders.PEHeaderStartOffset + 64] ^= 0xFF;
        return other;
    }

    private static byte[] ReferenceOf(string code)
    {
        var compilation = CSharpCompilation.Create(
            "Lib",
            [CSharpSyntaxTree.ParseText(code, path: "Calculator.cs")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        using var full = new MemoryStream();
        using var reference = new MemoryStream();
        var result = compilation.Emit(full, metadataPEStream: reference, options: new EmitOptions(includePrivateMembers: false));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return reference.ToArray();
    }
}
