using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Workspaces;

public sealed class SolutionPathTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("solution-path-").FullName;

    [Theory]
    [InlineData("App.sln", SolutionPathKind.Solution)]
    [InlineData("App.slnx", SolutionPathKind.XmlSolution)]
    [InlineData("App.csproj", SolutionPathKind.Project)]
    public void File_IsResolvedByExtension(string fileName, SolutionPathKind kind)
    {
        var file = Touch(fileName);

        var resolved = SolutionPath.Resolve(file);

        Assert.Equal(new SolutionPath(file, kind), resolved);
        Assert.Equal(folder, resolved.RootDirectory);
    }

    [Fact]
    public void FolderWithOneSolutionAndProjects_ResolvesToTheSolution()
    {
        var solution = Touch("App.sln");
        Touch("App.csproj");

        Assert.Equal(solution, SolutionPath.Resolve(folder).FullPath);
    }

    [Fact]
    public void FolderWithOnlyOneProject_ResolvesToTheProject()
    {
        var project = Touch("App.csproj");

        Assert.Equal(project, SolutionPath.Resolve(folder).FullPath);
    }

    [Fact]
    public void FolderWithSeveralSolutions_IsAnErrorThatListsThem()
    {
        Touch("One.sln");
        Touch("Two.slnx");

        var error = Assert.Throws<InputException>(() => SolutionPath.Resolve(folder));

        Assert.Contains("One.sln", error.Message);
        Assert.Contains("Two.slnx", error.Message);
    }

    [Fact]
    public void EmptyFolder_IsAnError()
    {
        var error = Assert.Throws<InputException>(() => SolutionPath.Resolve(folder));

        Assert.Contains("No .sln, .slnx or .csproj", error.Message);
    }

    [Fact]
    public void MissingPath_IsAnError()
    {
        var error = Assert.Throws<InputException>(() => SolutionPath.Resolve(Path.Combine(folder, "nope.sln")));

        Assert.StartsWith("Path not found", error.Message);
    }

    [Fact]
    public void FileOfAnotherKind_IsAnError()
    {
        var error = Assert.Throws<InputException>(() => SolutionPath.Resolve(Touch("Program.cs")));

        Assert.Contains("expected .sln, .slnx or .csproj", error.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Touch(string fileName)
    {
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, "");
        return path;
    }
}
