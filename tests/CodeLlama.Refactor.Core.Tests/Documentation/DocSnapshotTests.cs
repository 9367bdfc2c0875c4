using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Documentation;

/// <summary>
/// The whole output of <c>doc</c> for a sample library of about fifty members (guards, operators, overloads, async
/// members, delegates, events, generics), compared line by line with a reviewed, checked-in expectation.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class DocSnapshotTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "TestData", "DocSample");

    private static readonly string Expected = Path.Combine(AppContext.BaseDirectory, "TestData", "DocSample.expected.txt");

    [Fact]
    public async Task SampleLibrary_IsDocumentedExactlyAsReviewed_AndASecondRunIsANoOp()
    {
        var folder = Directory.CreateTempSubdirectory("doc-snapshot-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Sample))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var first = await DocPipeline.RunAsync(SolutionPath.Resolve(folder), new DocOptions());
            var second = await DocPipeline.RunAsync(SolutionPath.Resolve(folder), new DocOptions());
            var actual = Snapshot(folder);

            Assert.True(first.IsClean);
            Assert.Empty(first.Remaining);
            Assert.Empty(second.Files);
            if (actual != File.ReadAllText(Expected).ReplaceLineEndings("\n"))
            {
                var written = Path.Combine(Path.GetTempPath(), "DocSample.actual.txt");
                File.WriteAllText(written, actual);
                Assert.Fail($"doc's output differs from TestData/DocSample.expected.txt; the output is in {written}.");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The sources in name order, each under its name, as they are after doc.
    private static string Snapshot(string folder) => string.Concat(Directory.GetFiles(folder, "*.cs")
        .OrderBy(path => Path.GetFileName(path), StringComparer.Ordinal)
        .Select(path => $"==== {Path.GetFileName(path)}\n{File.ReadAllText(path).ReplaceLineEndings("\n")}"));
}
