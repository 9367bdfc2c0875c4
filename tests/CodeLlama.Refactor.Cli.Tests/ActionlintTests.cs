using CodeLlama.Refactor.Testing;

namespace CodeLlama.Refactor.Cli.Tests;

/// <summary>actionlint on the composite action and on every GitHub workflow recipe in docs/ci.</summary>
public sealed class ActionlintTests
{
    [ActionlintFact]
    public async Task ActionAndEveryGitHubRecipe_HaveNoFinding()
    {
        var recipes = Directory.GetFiles(Path.Combine(Samples.RepositoryRoot, "docs", "ci"), "github-*.yml").Order(StringComparer.Ordinal).ToArray();
        var action = Path.Combine(Path.GetTempPath(), $"action-as-workflow-{Guid.NewGuid():N}.yml");
        File.WriteAllText(action, ActionFile.AsWorkflow());
        try
        {
            var (exitCode, output) = await CiTools.ActionlintAsync([.. recipes, action]);

            Assert.True(recipes.Length >= 3, string.Join(", ", recipes));
            Assert.True(exitCode == 0, output);
            Assert.Contains($"0 finding(s) in {recipes.Length + 1} file(s)", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(action);
        }
    }

    // The action is linted as the job of a reusable workflow: a step naming an input the action does not declare, or a
    // step that does not exist, must be found there too.
    [ActionlintFact]
    public async Task ActionWithAnUndeclaredInput_IsReported()
    {
        var broken = File.ReadAllText(ActionFile.Path)
            .Replace("${{ inputs.command }}", "${{ inputs.commands }}", StringComparison.Ordinal)
            .Replace("steps.run.outputs.exit-code", "steps.runs.outputs.exit-code", StringComparison.Ordinal);
        var action = Path.Combine(Path.GetTempPath(), $"action-as-workflow-{Guid.NewGuid():N}.yml");
        File.WriteAllText(action, ActionFile.AsWorkflow(broken));
        try
        {
            var (exitCode, output) = await CiTools.ActionlintAsync(action);

            Assert.Equal(1, exitCode);
            Assert.Contains("property \"commands\" is not defined", output, StringComparison.Ordinal);
            Assert.Contains("property \"runs\" is not defined", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(action);
        }
    }
}
