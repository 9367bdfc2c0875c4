using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLlama.Refactor.Testing;
using YamlDotNet.RepresentationModel;

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
    [InlineData("gitlab-ci.yml")]
    [InlineData("github-nuget-feed.yml")]
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
            .Replace("${GITHUB_BASE_REF}", "main", StringComparison.Ordinal)
            .Replace("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main", StringComparison.Ordinal)
            .Replace("$(System.PullRequest.TargetBranchName)", "main", StringComparison.Ordinal)
            .Replace("$(Build.ArtifactStagingDirectory)", staging, StringComparison.Ordinal)
            .Replace("\"", "", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var gate = Expand(commands.Single(command => command.Contains("--verify-no-changes", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.Success, (await RunInAsync(repository, gate)).ExitCode);
        File.WriteAllText(Path.Combine(sample.Directory, "src", "Geometry", "Square.cs"), "namespace Geometry;\n\npublic sealed class Square\n{\n    public double Side { get; init; }\n}\n");

        // A check scoped to the change names the new file only; an unscoped one every undocumented file.
        var check = Expand(commands.Single(command => command.StartsWith("check", StringComparison.Ordinal)));
        Directory.CreateDirectory(Path.Combine(staging, "CodeAnalysisLogs"));
        var (checkExit, _, _) = await RunInAsync(repository, check);
        var sarifFile = check[Array.IndexOf(check, "--output") + 1];
        var uris = JsonNode.Parse(File.ReadAllText(Path.IsPathRooted(sarifFile) ? sarifFile : Path.Combine(repository, sarifFile)))!["runs"]![0]!["results"]!
            .AsArray().Select(result => (string?)result!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]).ToList();
        Assert.Equal(ExitCodes.FindingsRemain, checkExit);
        Assert.NotEmpty(uris);
        Assert.All(uris, uri => Assert.StartsWith("Undocumented/src/Geometry/", uri, StringComparison.Ordinal));
        Assert.Equal(check.Contains("--changed-since"), uris.All(uri => uri == "Undocumented/src/Geometry/Square.cs"));

        var failing = await RunInAsync(repository, gate);
        Assert.Equal(ExitCodes.FindingsRemain, failing.ExitCode);
        Assert.Contains("+++ b/src/Geometry/Square.cs", failing.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Circle.cs", failing.Out, StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, (await RunInAsync(repository, "doc", solution, "--changed-since", "origin/main")).ExitCode);
        Assert.Equal(ExitCodes.Success, (await RunInAsync(repository, gate)).ExitCode);
    }

    // The GitHub recipes use the repository's own action: the gate hands it the SARIF its check writes (the action
    // uploads it with upload-sarif@v4), and the fix recipe opens a pull request with what fix wrote.
    [Fact]
    public void GitHubRecipes_UseTheAction_WhichUploadsTheSarifTheCheckWrites_AndFixOpensAPullRequest()
    {
        var gate = ActionFile.LoadYaml(File.ReadAllText(Path.Combine(Samples.RepositoryRoot, "docs", "ci", "github-actions.yml")));
        var uses = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)gate["jobs"])["gate"])["steps"]).Children.Cast<YamlMappingNode>()
            .Where(step => step.Children.ContainsKey("uses") && ActionFile.Scalar(step, "uses").StartsWith("codellama-refactor/codellama-refactor@", StringComparison.Ordinal))
            .Select(step => (YamlMappingNode)step["with"])
            .ToList();
        var check = ActionFile.Scalar(uses.Single(with => ActionFile.Scalar(with, "command").StartsWith("check", StringComparison.Ordinal)), "command").Split(' ');
        var sarif = ActionFile.Scalar(uses.Single(with => with.Children.ContainsKey("sarif-file")), "sarif-file");
        var fixText = File.ReadAllText(Path.Combine(Samples.RepositoryRoot, "docs", "ci", "github-fix-pull-request.yml"));
        var fix = Commands("github-fix-pull-request.yml").Single(command => command.StartsWith("fix", StringComparison.Ordinal));
        var action = File.ReadAllText(ActionFile.Path);

        Assert.Equal(2, uses.Count);
        Assert.Equal(sarif, check[Array.IndexOf(check, "--output") + 1]);
        Assert.Equal("sarif", check[Array.IndexOf(check, "--format") + 1]);
        Assert.Contains("github/codeql-action/upload-sarif@v4", action, StringComparison.Ordinal);
        Assert.Contains("sarif_file: ${{ inputs.sarif-file }}", action, StringComparison.Ordinal);
        Assert.Contains("gh pr create", fixText, StringComparison.Ordinal);
        Assert.Contains("pull-requests: write", fixText, StringComparison.Ordinal);
        Assert.DoesNotContain("--dry-run", fix, StringComparison.Ordinal);
        Assert.All(Directory.GetFiles(Path.Combine(Samples.RepositoryRoot, "docs", "ci")), file =>
            Assert.DoesNotContain("upload-sarif@v3", File.ReadAllText(file), StringComparison.Ordinal));
    }

    // What the GitHub recipes leave to the action, the other services' recipes do in their own YAML.
    [Theory]
    [InlineData("gitlab-ci.yml", "codellama-refactor", "before_script", "script")]
    [InlineData("azure-pipelines.yml", null, "steps")]
    public void OtherServicesRecipes_AreYaml_WhoseStepsPackTheToolAndRunCheckAndTheGate(string recipe, string? job, params string[] steps)
    {
        var root = ActionFile.LoadYaml(File.ReadAllText(Path.Combine(Samples.RepositoryRoot, "docs", "ci", recipe)));
        var scripts = steps.SelectMany(key => ((YamlSequenceNode)((YamlMappingNode)(job is null ? root : root[job]))[key]).Children)
            .Select(step => step is YamlScalarNode line ? ActionFile.Scalar(line)
                : ((YamlMappingNode)step).Children.TryGetValue("script", out var script) ? ActionFile.Scalar(script) : "")
            .ToList();

        Assert.Contains(scripts, script => script.Contains("dotnet pack ", StringComparison.Ordinal));
        Assert.Contains(scripts, script => script.Contains("codellama-refactor check ", StringComparison.Ordinal));
        Assert.Contains(scripts, script => script.Contains("--verify-no-changes", StringComparison.Ordinal));
    }

    // The package is on no public feed: a recipe on a stock runner must build it from the tool's source and install it
    // from the folder it packed into, never `dotnet tool restore` a package no feed serves.
    [Theory]
    [InlineData("action.yml")]
    [InlineData("docs/ci/azure-pipelines.yml")]
    [InlineData("docs/ci/gitlab-ci.yml")]
    public void Recipe_PacksTheToolFromItsSource_AndInstallsItFromThatFolder(string recipe)
    {
        var text = File.ReadAllText(Path.Combine(Samples.RepositoryRoot, recipe));
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

    // Every "codellama-refactor check|doc|fix …" line of a recipe (or the action's "command: check|doc|fix …" input),
    // without the command's name and without what a shell does with its exit code ("|| status=$?").
    private static IReadOnlyList<string> Commands(string recipe) =>
        ToolLine().Matches(File.ReadAllText(Path.Combine(Samples.RepositoryRoot, "docs", "ci", recipe)))
            .Select(match => match.Groups[1].Value.Trim())
            .ToList();

    [GeneratedRegex(@"(?:(?<![\w/.""-])codellama-refactor |command: )((?:check|doc|fix) .+?)(?: \|\|.*)?$", RegexOptions.Multiline)]
    private static partial Regex ToolLine();

    [GeneratedRegex(@"dotnet pack ""?(?<project>[^""\s]+)""? -c Release -o ""?(?<output>[^""\s]+)""?")]
    private static partial Regex PackStep();

    [GeneratedRegex(@"dotnet tool install (?<id>\S+) --tool-path \S+ --add-source ""?(?<source>[^""\s]+)""?")]
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
