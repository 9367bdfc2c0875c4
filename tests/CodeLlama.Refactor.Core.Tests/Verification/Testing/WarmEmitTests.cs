using CodeLlama.Refactor.Verification.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Verification.Testing;

/// <summary>
/// The comparison that lets the first test run emit over the user's build: an emitted assembly must match the built one
/// outside the types declared in the documents changed since that build.
/// </summary>
public sealed class WarmEmitTests
{
    private const string Unchanged = """
        namespace Lib;

        public static class Other
        {
            public static int Twice(int value) => value * 2;

            public static System.Func<int, int> Adder(int amount) => value => value + amount;
        }
        """;

    private const string Changed = """
        namespace Lib;

        public static class Calculator
        {
            public static int Add(int a, int b) => a + b;

            public sealed class Nested
            {
                public int Count;
            }
        }

        public delegate int Operation(int a, int b);
        """;

    [Fact]
    public async Task TheTypesOfAChangedDocument_AreNamedAsMetadataNamesThem_NestedOnesThroughTheirOutermost()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Lib", LanguageNames.CSharp);
        var changed = workspace.AddDocument(project.Id, "Calculator.cs", SourceText.From(Changed));
        var generic = workspace.AddDocument(project.Id, "Box.cs", SourceText.From("namespace Lib.Generic { public class Box<T> { public class Inner { } } }"));

        var names = await WarmEmit.DeclaredTypesAsync([changed, generic], CancellationToken.None);

        Assert.Equal(["Lib.Calculator", "Lib.Generic.Box`1", "Lib.Operation"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnEditInsideTheChangedTypes_IsLeftOut_ButAnywhereElseIsADifference()
    {
        var built = Emit(Changed, Unchanged);
        var edited = Emit(Changed.Replace("a + b", "a + b + 1", StringComparison.Ordinal), Unchanged);
        var editedElsewhere = Emit(Changed, Unchanged.Replace("value * 2", "value * 2 + 1", StringComparison.Ordinal));
        IReadOnlySet<string> leftOut = new HashSet<string>(["Lib.Calculator", "Lib.Operation"], StringComparer.Ordinal);

        Assert.NotNull(AssemblyShape.Of(Pe(edited)).DifferenceFrom(AssemblyShape.Of(Pe(built))));
        Assert.Null(AssemblyShape.Of(Pe(edited), leftOut).DifferenceFrom(AssemblyShape.Of(Pe(built), leftOut)));
        var difference = AssemblyShape.Of(Pe(editedElsewhere), leftOut).DifferenceFrom(AssemblyShape.Of(Pe(built), leftOut));
        Assert.Contains("Lib.Other::Twice", difference, StringComparison.Ordinal);
    }

    private static MemoryStream Pe(byte[] pe) => new(pe, writable: false);

    private static byte[] Emit(string changed, string unchanged)
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true);
        var compilation = CSharpCompilation.Create(
            "Lib",
            [CSharpSyntaxTree.ParseText(changed, path: "Calculator.cs"), CSharpSyntaxTree.ParseText(unchanged, path: "Other.cs")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            options);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }
}
