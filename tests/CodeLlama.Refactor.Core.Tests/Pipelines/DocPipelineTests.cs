using System.Globalization;
using System.Security.Cryptography;
using CodeLlama.Refactor.Editing;
using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

[Trait("Category", "EndToEnd")]
public sealed class DocPipelineTests
{
    [Fact]
    public async Task UndocumentedSample_EndsFullyDocumented_WithZeroDocumentationWarnings_AndASecondRunChangesNothing()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var path = SolutionPath.Resolve(sample.Directory);
        var generatedBefore = Hashes(sample.File("src/Geometry/Generated"));

        var first = await DocPipeline.RunAsync(path, new DocOptions());
        var afterFirst = Hashes(sample.Directory);
        var second = await DocPipeline.RunAsync(path, new DocOptions());
        var (_, buildOutput) = await DotnetCli.RunAsync(sample.Directory, "build", "-nologo", "-warnaserror-");

        Assert.True(first.IsClean);
        Assert.Equal(first.Before.Total, first.After.Documented);
        Assert.True(first.Before.Documented < first.Before.Total);
        Assert.Empty(first.Remaining);
        Assert.Empty(second.Files);
        Assert.Equal(afterFirst, Hashes(sample.Directory));
        Assert.Equal(generatedBefore, Hashes(sample.File("src/Geometry/Generated")));
        var userWarnings = DotnetCli.ParseDiagnostics(buildOutput)
            .Where(diagnostic => !diagnostic.File.Contains("Generated", StringComparison.Ordinal))
            .Where(diagnostic => DocumentationDiagnosticIds.All.Contains(diagnostic.Id))
            .ToList();
        Assert.Empty(userWarnings);
    }

    [Fact]
    public async Task PartialDocumentation_IsCompletedWithoutRewording()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var polygon = sample.File("src/Geometry/Polygon.cs");
        var existing = "    /// <summary>Scales every vertex away from the origin.</summary>\n";

        await DocPipeline.RunAsync(SolutionPath.Resolve(sample.Directory), new DocOptions());

        var text = File.ReadAllText(polygon);
        Assert.Contains(existing + "    /// <param name=\"factor\">", text);
        Assert.Contains("/// <returns>", text[text.IndexOf(existing, StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task PartialTypeDocumentedInOnePart_GetsNoSecondSummaryInTheOthers()
    {
        const string Undocumented = "namespace Lib;\n\npublic static partial class Guard\n{\n}\n";
        using var solution = TemporarySolution.Create(new Dictionary<string, string>
        {
            ["Guard.cs"] = "namespace Lib;\n\n/// <summary>Common guard clauses.</summary>\npublic static partial class Guard\n{\n}\n",
            ["GuardNull.cs"] = Undocumented,
        });

        var result = await DocPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new DocOptions());

        Assert.Equal(Undocumented, File.ReadAllText(solution.File("Lib/GuardNull.cs")));
        Assert.Empty(result.Files);
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public async Task DryRun_LeavesEveryByteAsItWas_AndReportsTheDiff()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var before = Hashes(sample.Directory);

        var result = await DocPipeline.RunAsync(SolutionPath.Resolve(sample.Directory), new DocOptions(DryRun: true));

        Assert.Equal(before, Hashes(sample.Directory));
        Assert.All(result.Files, file => Assert.Equal(FileStatus.DryRun, file.Status));
        Assert.Contains(result.Files, file => file.Diff.Contains("+/// <summary>", StringComparison.Ordinal)
            && file.Diff.StartsWith("--- a/src/Geometry/", StringComparison.Ordinal));
        Assert.Equal(result.Before.Total, result.After.Documented);
    }

    [Fact]
    public async Task IncludeAndExclude_LimitWhichFilesChange()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var circle = File.ReadAllText(sample.File("src/Geometry/Circle.cs"));
        var filter = new PathFilter(["src/**/*.cs"], ["**/Circle.cs"]);

        var result = await DocPipeline.RunAsync(SolutionPath.Resolve(sample.Directory), new DocOptions(Files: filter));

        Assert.Equal(circle, File.ReadAllText(sample.File("src/Geometry/Circle.cs")));
        Assert.Contains(result.Files, file => file.FilePath.EndsWith("Polygon.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Members, member => member.FilePath.EndsWith("Circle.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Remaining, member => member.FilePath.EndsWith("Circle.cs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuildErrors_AreCountedWithTheComments_InTheEditedProjectAtTheirNewLines_AndInAProjectThatReferencesIt()
    {
        const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework>{0}</PropertyGroup>{1}</Project>\n";
        using var solution = TemporarySolution.FromFiles(new Dictionary<string, string>
        {
            ["Lib/Lib.csproj"] = string.Format(CultureInfo.InvariantCulture, Project, "", ""),
            ["Lib/Widget.cs"] = "namespace Lib;\n\npublic class Widget\n{\n    public int Size() => missing;\n}\n",
            ["App/App.csproj"] = string.Format(CultureInfo.InvariantCulture, Project, "", "<ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /></ItemGroup>"),
            // Internal: nothing in App needs a comment, so App is not edited and doc compiles it as loaded.
            ["App/Use.cs"] = "namespace App;\n\ninternal static class Use\n{\n    public static int Run() => new Lib.Widget().Nope;\n}\n",
        });

        var result = await DocPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new DocOptions(DryRun: true));
        var written = await DocPipeline.RunAsync(SolutionPath.Resolve(solution.Directory), new DocOptions());

        var lines = File.ReadAllLines(solution.File("Lib/Widget.cs"));
        var missing = Assert.Single(written.Errors, error => error.Id == "CS0103");
        Assert.Equal(Array.FindIndex(lines, line => line.Contains("missing", StringComparison.Ordinal)) + 1, missing.Line);
        Assert.True(missing.Line > 5);
        Assert.Single(written.Errors, error => error.Id == "CS1061" && error.FilePath!.EndsWith("Use.cs", StringComparison.Ordinal));
        Assert.Equal(2, written.Errors.Count);
        Assert.Equal(written.Errors.Select(error => (error.Id, error.Line)), result.Errors.Select(error => (error.Id, error.Line)));
        Assert.False(written.IsClean);
    }

    [Fact]
    public async Task AllVisibility_DocumentsInternalMembersToo()
    {
        using var sample = Samples.Copy(Samples.Undocumented);

        var result = await DocPipeline.RunAsync(SolutionPath.Resolve(sample.Directory), new DocOptions(Visibility.All));

        Assert.Contains(result.Members, member => member.Symbol == "Geometry.Tolerance.AreClose(double, double)");
        Assert.Contains("/// <summary>", File.ReadAllText(sample.File("src/Geometry/Units.cs")).Split("internal static class Tolerance")[0][^120..]);
    }

    [Fact]
    public async Task FileChangedOnDiskMeanwhile_IsNotOverwritten_AndNoOtherFileIsWritten()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var circle = sample.File("src/Geometry/Circle.cs");
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(sample.Directory));
        var edited = File.ReadAllText(circle) + "// edited by the user\n";
        File.WriteAllText(circle, edited);
        var before = Hashes(sample.Directory).Where(entry => entry.Key != circle).ToList();

        var result = await DocPipeline.DocumentAsync(loaded, new DocOptions());

        Assert.Equal(edited, File.ReadAllText(circle));
        Assert.Equal(FileStatus.Conflict, result.Files.Single(file => file.FilePath == circle).Status);
        Assert.False(result.IsClean);
        Assert.All(result.Files.Where(file => file.FilePath != circle), file => Assert.Equal(FileStatus.Withheld, file.Status));
        Assert.Equal(before, Hashes(sample.Directory).Where(entry => entry.Key != circle));
        Assert.Contains(result.Remaining, member => member.FilePath != circle);
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(file => file, file => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))));
}
