using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Documentation;

/// <summary>One scenario per member kind: the comment `doc` writes for it, end to end through a real project.</summary>
public sealed class DocTemplateTests(DocumentedKindsFixture fixture) : IClassFixture<DocumentedKindsFixture>
{
    public static TheoryData<string, string, string> Kinds => new()
    {
        { "public class Widget { public Widget(int size) { } }", "Widget(int size)", "/// Initializes a new instance of the <see cref=\"Widget\"/> class." },
        { "public class Widget { public int Size { get; set; } }", "public int Size", "/// Gets or sets the size." },
        { "public class Widget { public bool IsOpen { get; } }", "public bool IsOpen", "/// Gets a value indicating whether this instance is open." },
        { "public class Widget { public event System.EventHandler? Closed; }", "public event", "/// Occurs when closed." },
        { "public class Widget { public System.Threading.Tasks.Task<int> LoadAsync() => System.Threading.Tasks.Task.FromResult(1); }", "LoadAsync()", "/// <returns>A task that represents the asynchronous operation" },
        { "public class Widget { public void Open(string name) { System.ArgumentNullException.ThrowIfNull(name); } }", "public void Open", "/// <exception cref=\"System.ArgumentNullException\">Thrown when <paramref name=\"name\"/> is null.</exception>" },
        { "public class Widget { public void Fail() => throw new System.InvalidOperationException(); }", "public void Fail", "/// <exception cref=\"System.InvalidOperationException\">" },
        { "public class Box<T> { public TOut Map<TOut>(System.Func<T, TOut> map) => map(default!); }", "public TOut Map", "/// <typeparam name=\"TOut\">The type of the out.</typeparam>" },
        { "public record Pair(int Left, int Right);", "public record Pair", "/// <param name=\"Right\">The right.</param>" },
        { "public enum Color { Red }", "    Red", "    /// The red value." },
        { "public class Widget { public const int Max = 3; }", "public const int Max", "/// The max constant." },
        { "public class Widget { public int this[int index] => index; }", "public int this", "/// <param name=\"index\">The index.</param>" },
        { "public class Widget { public static Widget operator !(Widget w) => w; }", "operator !", "/// Implements the logical not operator." },
        { "public class Widget { public static explicit operator int(Widget w) => 0; }", "explicit operator", "/// Converts Widget to int (explicitly)." },
        { "public static class WidgetExtensions { public static int Twice(this int value) => value * 2; }", "public static int Twice", "/// <param name=\"value\">The value to extend.</param>" },
        { "public class Widget { public override string ToString() => \"\"; }", "public override string ToString", "/// <inheritdoc/>" },
        { "public interface IOpen { /// <summary>Opens.</summary>\n void Open(); }\npublic class Door : IOpen { public void Open() { } }", "public void Open() { }", "/// <inheritdoc/>" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MemberKind_GetsItsConventionalComment(string source, string declaration, string expectedLine)
    {
        var lines = File.ReadAllLines(fixture.FileFor(source));
        var at = Array.FindIndex(lines, line => line.Contains(declaration, StringComparison.Ordinal));
        var comment = lines[..at].Reverse().TakeWhile(line => line.TrimStart().StartsWith("///", StringComparison.Ordinal)).ToList();

        Assert.Contains(comment, line => line.Trim().StartsWith(expectedLine.Trim(), StringComparison.Ordinal));
        Assert.Empty(fixture.Result.Remaining);
    }
}

/// <summary>Documents one project holding every snippet (one file and namespace each) once for all the cases.</summary>
public sealed class DocumentedKindsFixture : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("doc-kinds-").FullName;
    private readonly Dictionary<string, string> files = [];

    public DocResult Result { get; private set; } = null!;

    public string FileFor(string source) => files[source];

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(folder, "Kinds.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup></Project>");
        var index = 0;
        foreach (var source in DocTemplateTests.Kinds.Select(row => (string)row[0]))
        {
            var file = Path.Combine(folder, $"Code{index}.cs");
            File.WriteAllText(file, $"namespace Kinds{index++};\n\n{OneMemberPerLine(source)}\n");
            files[source] = file;
        }

        Result = await DocPipeline.RunAsync(SolutionPath.Resolve(folder), new DocOptions());
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    // Each member on its own line, as code is written; a declaration sharing its line is left alone by design.
    private static string OneMemberPerLine(string source) =>
        source.Replace("{ public", "{\n    public", StringComparison.Ordinal)
            .Replace("{ /// ", "{\n    /// ", StringComparison.Ordinal)
            .Replace("{ Red }", "{\n    Red\n}", StringComparison.Ordinal)
            .Replace("; }", ";\n}", StringComparison.Ordinal)
            .Replace("{ } }", "{ }\n}", StringComparison.Ordinal);
}
