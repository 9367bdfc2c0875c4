using CodeLlama.Refactor.Pipelines;
using CodeLlama.Refactor.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Core.Tests.Pipelines;

/// <summary>
/// A project's compile inputs are newer than its last compile when one of its files, a build file anywhere under the
/// solution's folder, or a folder of its own (a file removed) is; another project's C# file is not its input.
/// </summary>
public sealed class CompileInputsTests : IDisposable
{
    private static readonly DateTime Built = DateTime.UtcNow.AddMinutes(-10);

    private readonly TemporaryFolder folder = new();
    private readonly AdhocWorkspace workspace = new();
    private readonly Project lib;
    private readonly Project tests;

    public CompileInputsTests()
    {
        foreach (var file in new[] { "Directory.Build.props", "Lib/Lib.csproj", "Lib/obj/project.assets.json", "Lib/Numbers.cs", "Tests/Tests.csproj", "Tests/obj/project.assets.json", "Tests/Sub/NumberTests.cs" })
        {
            Write(file, Built.AddMinutes(-1));
        }

        foreach (var sub in new[] { "Lib", "Tests", "Tests/Sub", "" })
        {
            Directory.SetLastWriteTimeUtc(Path.Combine(folder.Path, sub), Built.AddMinutes(-1));
        }

        lib = Add("Lib", "Lib/Numbers.cs");
        tests = Add("Tests", "Tests/Sub/NumberTests.cs");
    }

    [Fact]
    public void NothingNewerThanTheCompile_IsNoneNewer() =>
        Assert.True(Inputs().NoneNewerThan(tests, Built));

    [Fact]
    public void AnotherProjectsSourceChanged_IsNotItsInput()
    {
        Write("Lib/Numbers.cs", Built.AddMinutes(1));

        Assert.True(Inputs().NoneNewerThan(tests, Built));
        Assert.False(Inputs().NoneNewerThan(lib, Built));
    }

    [Theory]
    [InlineData("Tests/Sub/NumberTests.cs")]
    [InlineData("Directory.Build.props")]
    [InlineData("Lib/Lib.csproj")]
    [InlineData("Tests/obj/project.assets.json")]
    [InlineData("Tests/Sub/notes.txt")]
    public void ItsOwnFileOrABuildFileChanged_IsNewer(string file)
    {
        Write(file, Built.AddMinutes(1));

        Assert.False(Inputs().NoneNewerThan(tests, Built));
    }

    [Fact]
    public void AFileRemovedFromItsFolders_IsNewer()
    {
        Directory.SetLastWriteTimeUtc(Path.Combine(folder.Path, "Tests/Sub"), Built.AddMinutes(1));

        Assert.False(Inputs().NoneNewerThan(tests, Built));
        Assert.True(Inputs().NoneNewerThan(lib, Built));
    }

    public void Dispose()
    {
        workspace.Dispose();
        folder.Dispose();
    }

    private CompileInputs Inputs() => new(workspace.CurrentSolution, folder.Path);

    private void Write(string file, DateTime written)
    {
        var path = Path.Combine(folder.Path, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var folderWritten = Directory.GetLastWriteTimeUtc(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "// " + file);
        File.SetLastWriteTimeUtc(path, written);
        Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(path)!, folderWritten);
    }

    private Project Add(string name, string document)
    {
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, name, name, LanguageNames.CSharp, filePath: Path.Combine(folder.Path, name, name + ".csproj")));
        var path = Path.Combine(folder.Path, document);
        workspace.AddDocument(DocumentInfo.Create(
            DocumentId.CreateNewId(project.Id), Path.GetFileName(path), loader: TextLoader.From(TextAndVersion.Create(SourceText.From(""), VersionStamp.Default)), filePath: path));
        return workspace.CurrentSolution.GetProject(project.Id)!;
    }
}
