using CodeLlama.Refactor.Candidates.RoslynFixes;
using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.Core.Tests.Candidates.RoslynFixes;

/// <summary>The warm-ups are a head start only: they never fail, stop when told, and leave the fixes as they were.</summary>
public sealed class RoslynFixesWarmUpTests
{
    private const string Code = "public static class Sizes\n{\n    public static int Twice(int value)\n    {\n        return valeu * 2;\n    }\n}\n";

    [Fact]
    public async Task AfterBothWarmUps_TheSpellingFixIsOffered_AsWithout()
    {
        using var workspace = new AdhocWorkspace(FeatureHost.Services);
        var document = workspace.CurrentSolution
            .AddProject("Lib", "Lib", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences([MetadataReference.CreateFromFile(typeof(object).Assembly.Location)])
            .AddDocument("Sizes.cs", Code, filePath: "/lib/Sizes.cs");

        await RoslynFixesWarmUp.StartAsync(CancellationToken.None);
        await RoslynFixesWarmUp.StartAsync(document.Project.Solution, CancellationToken.None);
        var misspelt = (await document.Project.GetCompilationAsync())!.GetDiagnostics().Single(diagnostic => diagnostic.Id == "CS0103");
        var candidates = await new RoslynCodeFixSource().GetCandidatesAsync(document, misspelt, CancellationToken.None);

        Assert.Contains(candidates, candidate => candidate.Source == "roslyn:SpellCheck" && candidate.Title.Contains("'value'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelled_TheyEndWithoutFailing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var workspace = new AdhocWorkspace(FeatureHost.Services);

        var warmUps = new[] { RoslynFixesWarmUp.StartAsync(cancelled.Token), RoslynFixesWarmUp.StartAsync(workspace.CurrentSolution, cancelled.Token) };
        await Task.WhenAll(warmUps);

        Assert.All(warmUps, warmUp => Assert.Equal(TaskStatus.RanToCompletion, warmUp.Status));
    }
}
