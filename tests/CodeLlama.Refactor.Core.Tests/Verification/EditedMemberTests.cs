using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Verification;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Verification;

/// <summary>
/// When the safety gate may scan one member again instead of the whole document: only for an edit inside one member
/// that keeps every declaration.
/// </summary>
public sealed class EditedMemberTests
{
    private const string Code = """
        public static class Sizes
        {
            public static int Twice(string value)
            {
                return value.Length * 2;
            }

            public static int Thrice(string value)
            {
                return value.Length * 3;
            }
        }
        """;

    [Fact]
    public async Task AnEditInsideOneBody_IsThatMember_BeforeAndAfter()
    {
        var member = await FindAsync(Code.Replace("value.Length * 3", "value.Trim().Length * 3", StringComparison.Ordinal));

        Assert.NotNull(member);
        Assert.Equal("Thrice", ((MethodDeclarationSyntax)member.Before).Identifier.ValueText);
        Assert.Equal("Thrice", ((MethodDeclarationSyntax)member.After).Identifier.ValueText);
        Assert.Contains("Trim", member.After.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditOfADeclaration_IsNoOneMember()
    {
        Assert.Null(await FindAsync(Code.Replace("int Thrice(string value)", "int Thrice(string value, int times)", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnEditOfTwoBodies_IsNoOneMember()
    {
        Assert.Null(await FindAsync(Code.Replace("* 2", "* 4", StringComparison.Ordinal).Replace("* 3", "* 6", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnEditInATypeWithAPrimaryConstructor_IsNoOneMember()
    {
        // Using the parameter in a body makes the compiler report at the initializer that reads it too (CS9124).
        const string captured = "public class Sizes(int factor)\n{\n    private readonly int start = factor;\n\n    public int Twice(int value) => value * 2;\n}\n";

        Assert.Null(await FindAsync(captured.Replace("value * 2", "value * factor", StringComparison.Ordinal), captured));
    }

    private static async Task<EditedMember?> FindAsync(string after, string code = Code)
    {
        var before = InMemoryProject.Create(("Sizes.cs", code)).Documents.Single();
        return await EditedMember.FindAsync(before, before.WithText(SourceText.From(after)), CancellationToken.None);
    }
}
