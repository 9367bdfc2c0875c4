using CodeLlama.Refactor.Workspaces;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.RoslynFixes;

/// <summary>
/// Readies the IDE's code fixes: while the solution loads, composes the providers and asks them once for a misspelt
/// name in a one-file solution of its own (the first fix of a process otherwise pays for composing them and preparing
/// the code they run, seconds that the load, mostly spent in the build host's process, leaves a core free for), then
/// compiles and emits a sample with the compiler (<see cref="CompilerWarmUp"/>, the first build check's head start); once
/// it is loaded, asks the IDE's completion service, which the spelling fix goes through, for the names at one place of
/// the solution. Its first answer for a solution comes about two seconds late, mostly waiting rather than computing:
/// asked while the first build check runs, the wait is spent beside it.
/// </summary>
public static class RoslynFixesWarmUp
{
    private const string Code = """
        class Counter
        {
            private int count;

            public int Next() => ++coutn;
        }
        """;

    /// <summary>Starts the warm-up on the thread pool; it stops early when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Stops the warm-up: nothing waits for it, and what it prepared is only a head start.</param>
    /// <returns>The warm-up, which never fails: an error in it only leaves the first real fix to prepare the same code.</returns>
    /// <param name="compiler">Whether to warm up the compiler as well (<see cref="CompilerWarmUp"/>): not where real code is being compiled meanwhile.</param>
    public static Task StartAsync(CancellationToken cancellationToken, bool compiler = true) => InBackground(() => RunAsync(compiler, cancellationToken));

    /// <summary>Starts asking the completion service of <paramref name="solution"/> once, on the thread pool.</summary>
    /// <param name="solution">The loaded solution.</param>
    /// <param name="cancellationToken">Stops the warm-up.</param>
    /// <returns>The warm-up, which never fails.</returns>
    public static Task StartAsync(Solution solution, CancellationToken cancellationToken) => InBackground(() => CompleteOnceAsync(solution, cancellationToken));

    // A head start only: whatever fails here, the real fix composes and prepares the same code on its own when it needs it.
    private static Task InBackground(Func<Task> warmUp) => Task.Run(async () =>
    {
        try
        {
            await warmUp().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Nothing waits for a warm-up, and nothing depends on it.
        }
    }, CancellationToken.None);

    // The completion at the first name inside a member body of the first C# document that has one.
    private static async Task CompleteOnceAsync(Solution solution, CancellationToken cancellationToken)
    {
        foreach (var document in solution.Projects.Where(project => project.Language == LanguageNames.CSharp).SelectMany(project => project.Documents))
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var name = root?.DescendantNodes().OfType<IdentifierNameSyntax>().FirstOrDefault(node => node.Ancestors().Any(ancestor => ancestor is BlockSyntax));
            if (name is not null && CompletionService.GetService(document) is { } completion)
            {
                await completion.GetCompletionsAsync(document, name.SpanStart, cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    private static async Task RunAsync(bool compiler, CancellationToken cancellationToken)
    {
        // The services first: the loaded solution's workspace waits for them as soon as MSBuild has evaluated the projects.
        _ = FeatureHost.Services;
        _ = FeatureHost.CodeFixProviders;
        cancellationToken.ThrowIfCancellationRequested();
        using var workspace = new AdhocWorkspace(FeatureHost.Services);
        var project = workspace.CurrentSolution
            .AddProject("WarmUp", "WarmUp", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences([MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);
        var document = project.AddDocument("Counter.cs", SourceText.From(Code), filePath: "/warm-up/Counter.cs");
        var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var misspelt = compilation!.GetDiagnostics(cancellationToken).FirstOrDefault(diagnostic => diagnostic.Id == "CS0103");
        if (misspelt is not null)
        {
            await new RoslynCodeFixSource().GetCandidatesAsync(document, misspelt, cancellationToken).ConfigureAwait(false);
        }

        if (compiler)
        {
            CompilerWarmUp.Run(cancellationToken);
        }
    }
}

