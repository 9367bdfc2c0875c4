using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>
/// The commands of the CI recipes in docs/ci, read from the files themselves and run against a git repository holding
/// samples/Undocumented in a subfolder, as a pull request would meet them.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(EnvironmentCollection.Name)] // it changes the current directory, as a CI step's shell has it
public sealed partial class CiRecipeTests
{
    [Theory]
    [InlineData("github-actions.yml")]
    [InlineData("azure-pipelines.yml")]
    public async Task Recipe_SarifNamesRepositoryPaths_AndTheGateFailsOnAnUndocumentedChangeUntilDocWritesIt(string recipe)
    {
        var commands = Commands(recipe);
        using var sample = Samples.Copy(Samples.Undocumented);
        var repository = Path.GetDirectoryName(sample.Directory)!;
        File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\nobj/\nstaging/\n*.sarif\n");
        await GitAsync(repository, "init", "-q", ".");
        await GitAsync(repository, "add", "-A");
        await GitAsync(repository, "commit", "-q", "-m", "base");
        await GitAsync(repository, "branch", "-f", "main");
        await GitAsync(repository, "update-ref", "refs/remotes/origin/main", "HEAD");
        var solution = Path.Combine(sample.Directory, "Undocumented.sln");
        var staging = Path.Combine(repository, "staging");
        string[] Expand(string command) => command
            .Replace("MySolution.sln", solution, StringComparison.Ordinal)
            .Replace("${{ github.base_ref }}", "main", StringComparison.Ordinal)
            .Replace("$(System.PullRequest.TargetBranchName)", "main", StringComparison.Ordinal)
            .Replace("$(Build.ArtifactStagingDirectory)", staging, StringComparison.Ordinal)
            .Replace("\"", "", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var check = Expand(commands.Single(command => command.StartsWith("check", StringComparison.Ordinal)));
        Directory.CreateDirectory(Path.Combine(staging, "CodeAnalysisLogs"));
        var (checkExit, _, _) = await RunInAsync(repository, check);
        var sarifFile = check[Array.IndexOf(check, "--output") + 1];
        var uris = JsonNode.Parse(File.ReadAllText(Path.IsPathRooted(sarifFile) ? sarifFile : Path.Combine(repository, sarifFile)))!["runs"]![0]!["results"]!
            .AsArray().Select(result => (string?)result!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]).ToList();
        Assert.Equal(ExitCodes.FindingsRemain, checkExit);
        Assert.NotEmpty(uris);
        Assert.All(uris, uri => Assert.StartsWith("Undocumented/src/Geometry/", uri, StringComparison.Ordinal));

        var gate = Expand(commands.Single(command => command.Contains("--verify-no-changes", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.Success, (await RunInAsync(repository, gate)).ExitCode);
        File.WriteAllText(Path.Combine(sample.Directory, "src", "Geometry", "Square.cs"), "namespace Geometry;\n\npublic sealed class Square\n{\n    public double Side { get; init; }\n}\n");
        var failing = await RunInAsync(repository, gate);
        Assert.Equal(ExitCodes.FindingsRemain, failing.ExitCode);
        Assert.Contains("+++ b/src/Geometry/Square.cs", failing.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Circle.cs", failing.Out, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, (await RunInAsync(repository, "doc", solution, "--changed-since", "origin/main")).ExitCode);
        Assert.Equal(ExitCodes.Success, (await RunInAsync(repository, gate)).ExitCode);
    }

    [Fact]
    public void GitHubRecipe_UploadsTheSarifItWrites_AndOpensAPullRequestWithWhatFixWrote()
    {
        var text = File.ReadAllText(Path.Combine(Samples.RepositoryRoot, "docs", "ci", "github-actions.yml"));
        var fix = Commands("github-actions.yml").Single(command => command.StartsWith("fix", StringComparison.Ordinal));

        Assert.Contains("sarif_file: check.sarif", text, StringComparison.Ordinal);
        Assert.Contains("--output check.sarif", text, StringComparison.Ordinal);
        Assert.Contains("gh pr create", text, StringComparison.Ordinal);
        Assert.Contains("security-events: write", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--dry-run", fix, StringComparison.Ordinal);
        Assert.Contains("github/codeql-action/upload-sarif@v4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("upload-sarif@v3", text, StringComparison.Ordinal);
    }

    // The package is on no public feed: a recipe on a stock runner must build it from the tool's source and install it
    // from the folder it packed into, never `dotnet tool restore` a package no feed serves.
    [Theory]
    [InlineData("github-actions.yml")]
    [InlineData("azure-pipelines.yml")]
    public void Recipe_PacksTheToolFromItsSource_AndInstallsItFromThatFolder(string recipe)
    {
        var text = File.ReadAllText(Path.Combine(Samples.RepositoryRoot, "docs", "ci", recipe));
        var packs = PackStep().Matches(text);
        var installs = InstallStep().Matches(text);

        Assert.DoesNotContain(
            text.Split('\n').Where(line => !line.TrimStart().StartsWith('#')),
            line => line.Contains("dotnet tool restore", StringComparison.Ordinal));
        Assert.NotEmpty(packs);
        Assert.Equal(packs.Count, installs.Count);
        foreach (var (pack, install) in packs.Zip(installs))
        {
            // The project path after the checkout's folder is the repository's own tool project.
            var project = pack.Groups["project"].Value;
            var inRepository = project[(project.IndexOf("/src/", StringComparison.Ordinal) + 1)..];
            var csproj = File.ReadAllText(Path.Combine(Samples.RepositoryRoot, inRepository, Path.GetFileName(inRepository) + ".csproj"));
            Assert.Contains("<PackAsTool>true</PackAsTool>", csproj, StringComparison.Ordinal);
            Assert.Contains($"<PackageId>{install.Groups["id"].Value}</PackageId>", csproj, StringComparison.Ordinal);
            Assert.Contains("<ToolCommandName>codellama-refactor</ToolCommandName>", csproj, StringComparison.Ordinal);
            Assert.Equal(pack.Groups["output"].Value, install.Groups["source"].Value);
        }
    }

    // Every "codellama-refactor check|doc|fix …" line of a recipe, without the command's name.
    private static IReadOnlyList<string> Commands(string recipe) =>
        ToolLine().Matches(File.ReadAllText(Path.Combine(Samples.RepositoryRoot, "docs", "ci", recipe)))
            .Select(match => match.Groups[1].Value.Trim())
            .ToList();

    [GeneratedRegex(@"(?<![\w/.""-])codellama-refactor ((?:check|doc|fix) .+)$", RegexOptions.Multiline)]
    private static partial Regex ToolLine();

    [GeneratedRegex(@"dotnet pack ""?(?<project>[^"" ]+)""? -c Release -o ""?(?<output>[^"" ]+)""?")]
    private static partial Regex PackStep();

    [GeneratedRegex(@"dotnet tool install (?<id>\S+) --tool-path \S+ --add-source ""?(?<source>[^"" ]+)""?")]
    private static partial Regex InstallStep();

    private static async Task<(int ExitCode, string Out, string Error)> RunInAsync(string directory, params string[] args)
    {
        // The recipes run from the repository's root, where relative --output paths land.
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = directory;
        try
        {
            return await CliRunner.RunAsync(args);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private static async Task GitAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "user.email=test@example.com", "-c", "user.name=test" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {await process.StandardError.ReadToEndAsync()}");
    }
}
