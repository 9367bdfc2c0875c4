using System.Text.Json.Nodes;
using CodeLlama.Refactor.Reports;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Testing.Models;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>
/// The composite action's own shell steps (action.yml), run here as a runner would run them: the environment a runner
/// gives a step (GITHUB_ACTION_PATH, RUNNER_TEMP, GITHUB_PATH, GITHUB_OUTPUT) and the step's <c>env</c>.
/// </summary>
public sealed class GitHubActionTests
{
    // From the files git would commit, without any build output: pack, install from the folder feed into a tool path,
    // then the action's run, annotate and exit steps with the installed tool on a sample, and a run with a model.
    [Trait("Category", "EndToEnd")]
    [UnixFact]
    public async Task InstallStep_PacksACleanCopyAndInstallsIt_AndTheInstalledToolChecksASample()
    {
        var work = Path.Combine(Path.GetTempPath(), "codellama-refactor-tests", Guid.NewGuid().ToString("N"));
        var source = Path.Combine(work, "action");
        var runnerTemp = Path.Combine(work, "runner");
        Directory.CreateDirectory(runnerTemp);
        using var sample = Samples.Copy(Samples.Undocumented);
        try
        {
            await CopyCommittableFilesAsync(Samples.RepositoryRoot, source);
            var githubPath = Path.Combine(runnerTemp, "github-path");
            var githubOutput = Path.Combine(runnerTemp, "github-output");
            var runner = new Dictionary<string, string>
            {
                ["GITHUB_ACTION_PATH"] = source,
                ["RUNNER_TEMP"] = runnerTemp,
                ["GITHUB_PATH"] = githubPath,
                ["GITHUB_OUTPUT"] = githubOutput,
                // No build server may outlive the test holding files of the copy.
                ["MSBUILDDISABLENODEREUSE"] = "1",
                ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            };

            var install = await StepAsync("install", sample.Directory, runner);
            Assert.True(install.ExitCode == 0, install.Output);
            var tools = File.ReadAllLines(githubPath).Single();
            Assert.True(File.Exists(Path.Combine(tools, "codellama-refactor")), install.Output);

            var path = $"{tools}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
            var run = await StepAsync("run", sample.Directory, new Dictionary<string, string>(runner)
            {
                ["PATH"] = path,
                ["CODELLAMA_REFACTOR_COMMAND"] = "check Undocumented.sln --format sarif --output \"codellama refactor.sarif\"",
            });
            var sarif = sample.File("codellama refactor.sarif");
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("exit-code=1", File.ReadAllLines(githubOutput));
            var results = JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!["results"]!.AsArray();
            Assert.NotEmpty(results);

            var annotate = await StepAsync("annotate", sample.Directory, new Dictionary<string, string>(runner) { ["SARIF_FILE"] = sarif });
            var annotations = annotate.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(annotate.ExitCode == 0, annotate.Output);
            Assert.Equal(results.Count, annotations.Length);
            Assert.All(annotations, line => Assert.Matches(@"^::warning file=src/Geometry/\w+\.cs,line=\d+,col=\d+,title=CS1591::Missing XML comment for ", line));

            // The package's llama.cpp for this platform loads: doc with a scripted model, through the installed tool.
            var model = TestModels.WriteScripted(Path.Combine(work, "doc.gguf"), ModelFilesFixture.DocScript);
            var doc = await StepAsync("run", sample.Directory, new Dictionary<string, string>(runner)
            {
                ["PATH"] = path,
                ["CODELLAMA_REFACTOR_COMMAND"] = $"doc Undocumented.sln --model {model} --context 4096",
            });
            Assert.True(doc.ExitCode == 0, doc.Output);
            Assert.Equal("exit-code=0", File.ReadAllLines(githubOutput)[^1]);
            Assert.Contains($"/// {ModelFilesFixture.DocScript}", File.ReadAllText(sample.File("src/Geometry/Circle.cs")), StringComparison.Ordinal);

            Assert.Equal(1, (await StepAsync("exit", sample.Directory, new Dictionary<string, string> { ["EXIT_CODE"] = "1", ["FAIL_ON_FINDINGS"] = "true" })).ExitCode);
            Assert.Equal(0, (await StepAsync("exit", sample.Directory, new Dictionary<string, string> { ["EXIT_CODE"] = "1", ["FAIL_ON_FINDINGS"] = "false" })).ExitCode);
            Assert.Equal(2, (await StepAsync("exit", sample.Directory, new Dictionary<string, string> { ["EXIT_CODE"] = "2", ["FAIL_ON_FINDINGS"] = "false" })).ExitCode);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // Workflow commands escape what would end a property or the message: a comma or colon in a path, a newline or a
    // percent sign in a message. A path relative to the source root is the file's path in the repository.
    [NodeFact]
    public async Task AnnotateStep_EscapesPathsAndMessages_AndMapsLevels()
    {
        using var sample = Samples.Copy(Samples.Undocumented);
        var findings = new[]
        {
            new Finding("CS0103", "The name 'prce' does not exist\nin the current context (100%)", "src/a, b: c.cs", 3, 9, FindingLevel.Error),
            new Finding("CLRF0001", "Missing XML comment", "src/My File.cs", 7, 5, FindingLevel.Warning),
            new Finding("FIXED", "Fixed", null, 0, 0, FindingLevel.Note),
        };
        var sarif = sample.File("log.sarif");
        File.WriteAllText(sarif, SarifWriter.Build(findings, sample.Directory).ToJsonString());

        var (exitCode, output) = await StepAsync("annotate", sample.Directory, new Dictionary<string, string>
        {
            ["GITHUB_ACTION_PATH"] = Samples.RepositoryRoot,
            ["SARIF_FILE"] = sarif,
        });

        Assert.True(exitCode == 0, output);
        Assert.Equal(
            [
                "::error file=src/a%2C b%3A c.cs,line=3,col=9,title=CS0103::The name 'prce' does not exist%0Ain the current context (100%25)",
                "::warning file=src/My File.cs,line=7,col=5,title=CLRF0001::Missing XML comment",
                "::notice title=FIXED::Fixed",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static Task<(int ExitCode, string Output)> StepAsync(string id, string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        CiTools.RunAsync("bash", workingDirectory, environment, "-e", "-c", ActionFile.Script(id));

    // What a fresh checkout of the action holds: the files git tracks, and new ones it does not ignore.
    private static async Task CopyCommittableFilesAsync(string repository, string target)
    {
        var files = (await Git.RunAsync(repository, "ls-files", "-z", "--cached", "--others", "--exclude-standard"))
            .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in files.Where(file => File.Exists(Path.Combine(repository, file))))
        {
            var destination = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(Path.Combine(repository, file), destination);
        }
    }
}
