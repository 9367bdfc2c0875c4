using CodeLlama.Refactor.Bench;
using CodeLlama.Refactor.Targets;
using CodeLlama.Refactor.Testing;
using CodeLlama.Refactor.Workspaces;

namespace CodeLlama.Refactor.Core.Tests.Bench;

[Trait("Category", "EndToEnd")]
public sealed class MutantGeneratorTests
{
    [Fact]
    public async Task EveryKind_GivesAMutantWhoseBuildFailsWithTheIntendedError_AndTheFilesStayAsTheyWere()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Pricing.cs"] = BenchCode.Pricing });
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        var before = TreeSnapshot.Take(solution.Directory);

        var mutants = await MutantGenerator.GenerateAsync(loaded, new MutantPlan(MutantKinds.All.Count, MutantKinds.All, Seed: 1));

        Assert.Equal(MutantKinds.All, mutants.Select(mutant => mutant.Kind));
        Assert.Equal(Enumerable.Range(1, mutants.Count), mutants.Select(mutant => mutant.Number));
        foreach (var mutant in mutants)
        {
            Assert.NotEqual(mutant.Original, mutant.Broken);
            var document = loaded.Solution.Projects.SelectMany(project => project.Documents).Single(document => document.Name == "Pricing.cs");
            var broken = document.WithText(Microsoft.CodeAnalysis.Text.SourceText.From(mutant.Broken));
            var errors = await BuildErrors.OfProjectAsync(broken.Project, false, CancellationToken.None);
            Assert.Contains(errors, error => error.Diagnostic.Id == mutant.Error.Id);
            Assert.Contains(mutant.Error.Id, mutant.Kind.IntendedErrors());
        }

        Assert.Equal("", TreeSnapshot.Difference(before, TreeSnapshot.Take(solution.Directory)));
    }

    [Fact]
    public async Task SameSeed_SameMutants()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Pricing.cs"] = BenchCode.Pricing });
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));
        var plan = new MutantPlan(24, MutantKinds.All, Seed: 5);

        var first = await MutantGenerator.GenerateAsync(loaded, plan);
        var second = await MutantGenerator.GenerateAsync(loaded, plan);

        Assert.True(first.Count > MutantKinds.All.Count, $"only {first.Count} mutants");
        Assert.Equal(first.Select(Key), second.Select(Key));
    }

    [Fact]
    public async Task SolutionThatDoesNotBuild_IsRefused()
    {
        using var solution = TemporarySolution.Create(new Dictionary<string, string> { ["Broken.cs"] = "namespace Lib; public static class Broken { public static int One() => on; }" });
        using var loaded = await WorkspaceLoader.LoadAsync(SolutionPath.Resolve(solution.Directory));

        var refused = await Assert.ThrowsAsync<InputException>(() => MutantGenerator.GenerateAsync(loaded, new MutantPlan(3, MutantKinds.All, Seed: 1)));

        Assert.Contains("CS0103", refused.Message, StringComparison.Ordinal);
    }

    private static string Key(Mutant mutant) => $"{mutant.Number} {mutant.Kind} {mutant.FilePath} {mutant.Description}\n{mutant.Broken}";
}
