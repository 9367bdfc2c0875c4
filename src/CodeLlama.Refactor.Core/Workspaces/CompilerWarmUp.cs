using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace CodeLlama.Refactor.Workspaces;

/// <summary>
/// Compiles and emits a sample of everyday C# (generics, iterators, async, LINQ, records, patterns), as a test run's
/// emit does: with a portable PDB and the reference assembly beside it. The first compile of a process is several times
/// slower than the next (a library whose diagnostics took 0.8 s the first time took 0.15 s the second); run while MSBuild
/// evaluates the projects in its own process, that cost is paid on a core the load leaves free, not in the first build
/// check.
/// </summary>
public static class CompilerWarmUp
{
    private const string Sample = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        namespace WarmUp;

        public record Point(int X, int Y);

        public interface IShape
        {
            double Area { get; }
        }

        public sealed class Circle(double radius) : IShape
        {
            public double Area => Math.PI * radius * radius;

            public override string ToString() => $"Circle({radius:0.00})";
        }

        public static class Shapes
        {
            public static IEnumerable<T> Larger<T>(IEnumerable<T> shapes, double area) where T : IShape
            {
                foreach (var shape in shapes)
                {
                    if (shape.Area > area)
                    {
                        yield return shape;
                    }
                }
            }

            public static async Task<int> CountAsync(IEnumerable<IShape> shapes)
            {
                await Task.Yield();
                var areas = shapes.Where(shape => shape.Area > 1).Select(shape => shape.Area).OrderBy(area => area).ToList();
                var total = 0;
                for (var i = 0; i < areas.Count; i++)
                {
                    total += (int)areas[i];
                }

                var counts = new Dictionary<string, int> { ["a"] = 1 };
                try
                {
                    total += counts.TryGetValue("a", out var count) ? count : 0;
                }
                catch (InvalidOperationException exception) when (exception.Message is { Length: > 0 })
                {
                    throw;
                }

                return total switch
                {
                    0 => -1,
                    > 10 => 10,
                    _ => total,
                };
            }

            public static string? Describe(object? value) => value switch
            {
                Point(var x, var y) => $"{x},{y}",
                string text => text.Trim(),
                null => null,
                _ => value.ToString(),
            };
        }
        """;

    /// <summary>Compiles and emits the sample; stops early when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Stops the warm-up.</param>
    /// <returns>The emit's result: a sample that did not compile would leave the code generator cold.</returns>
    public static EmitResult Run(CancellationToken cancellationToken)
    {
        // The runtime's own assemblies: the sample uses nothing else, and they are where the tool runs.
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = new[] { "System.Runtime.dll", "System.Collections.dll", "System.Linq.dll" }
            .Select(name => Path.Combine(runtime, name))
            .Prepend(typeof(object).Assembly.Location)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "WarmUp",
            [CSharpSyntaxTree.ParseText(Sample, new CSharpParseOptions(documentationMode: DocumentationMode.Diagnose), cancellationToken: cancellationToken)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        _ = compilation.GetDiagnostics(cancellationToken);
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        using var reference = new MemoryStream();
        return compilation.Emit(
            pe,
            pdb,
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, includePrivateMembers: false),
            metadataPEStream: reference,
            cancellationToken: cancellationToken);
    }
}
