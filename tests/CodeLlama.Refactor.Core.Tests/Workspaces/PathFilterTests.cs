using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Workspaces;

public sealed class PathFilterTests
{
    [Theory]
    [InlineData(".github/**", ".github/workflows/ci.yml", true)]
    [InlineData(".github/**", "github/workflows/ci.yml", false)]
    [InlineData("./src/**/*.cs", "src/App/Deep/Program.cs", true)]
    [InlineData("src/*.cs", "src/App/Program.cs", false)]
    [InlineData("**/*.cs", "Program.cs", true)]
    [InlineData("SRC/**/*.CS", "src/App/Program.cs", true)]
    public void Include_FollowsFileSystemGlobbing(string include, string path, bool expected)
    {
        Assert.Equal(expected, new PathFilter([include], []).Matches(path));
    }

    [Fact]
    public void Exclude_WinsOverInclude_AndNoIncludeMeansEverything()
    {
        var filter = new PathFilter(["src/**/*.cs"], ["**/Generated/**"]);

        Assert.True(filter.Matches("src/App/Program.cs"));
        Assert.False(filter.Matches("src/App/Generated/Api.cs"));
        Assert.True(new PathFilter([], ["tests/**"]).Matches("src/App/Program.cs"));
        Assert.False(new PathFilter([], ["tests/**"]).Matches("tests/App.Tests/Test.cs"));
    }

    [Fact]
    public void ChangeSet_LimitsTheScopeBeforeTheGlobsApply()
    {
        var filter = new PathFilter([], ["**/Skip.cs"], only: ["src/Changed.cs", "src/Skip.cs"]);

        Assert.True(filter.Matches("src/Changed.cs"));
        Assert.False(filter.Matches("src/Unchanged.cs"));
        Assert.False(filter.Matches("src/Skip.cs"));
    }

    [Fact]
    public void Excludes_NamesOnlyWhatAnExcludeGlobMatches_NotWhatTheIncludesOrTheChangeSetLeaveOut()
    {
        var filter = new PathFilter(["src/**"], ["**/Legacy/**"], only: ["src/Changed.cs"]);

        Assert.True(filter.Excludes("src/Legacy/Old.cs"));
        Assert.False(filter.Excludes("src/Unchanged.cs"));
        Assert.False(filter.Excludes("tests/Outside.cs"));
        Assert.False(new PathFilter(["src/**"], []).Excludes("tests/Outside.cs"));
    }
}
