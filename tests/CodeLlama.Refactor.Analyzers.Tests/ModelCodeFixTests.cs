using CodeLlama.Refactor.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Analyzers.Tests;

public sealed class ModelCodeFixTests(ServedModelFixture served) : IClassFixture<ServedModelFixture>
{
    [Fact]
    public Task Document_with_code_llama_puts_the_models_text_in_the_comment()
    {
        var test = Verify.CodeFix<MissingDocumentationAnalyzer, ModelDocumentationCodeFixProvider>(
            """
            /// <summary>Sizes.</summary>
            public static class Sizes
            {
                public static int {|CLRF0001:Twice|}(string value) => value.Length * 2;
            }
            """,
            $$"""
            /// <summary>Sizes.</summary>
            public static class Sizes
            {
                /// <summary>
                /// {{ServedModelFixture.Script}}
                /// </summary>
                /// <param name="value">{{ServedModelFixture.Script}}</param>
                /// <returns>{{ServedModelFixture.Script}}</returns>
                public static int Twice(string value) => value.Length * 2;
            }
            """);
        AddEndpoint(test.TestState, served.Endpoint);
        AddEndpoint(test.FixedState, served.Endpoint);
        return test.RunAsync();
    }

    [Fact]
    public async Task Fix_with_code_llama_rewrites_the_statement_and_keeps_it_only_because_it_compiles()
    {
        var document = Document("""
            public static class Sizes
            {
                public static int Twice(string value)
                {
                    return value * 2;
                }
            }
            """, served.Endpoint);
        var error = (await document.GetSemanticModelAsync())!.GetDiagnostics().Single(diagnostic => diagnostic.Id == "CS0019");

        var actions = await ActionsAsync(new ModelRepairCodeFixProvider(), document, error);
        var changed = await ApplyAsync(Assert.Single(actions), document);

        Assert.Contains("return value.Length * 2;", (await changed.GetTextAsync()).ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await changed.GetSemanticModelAsync())!.GetDiagnostics(), diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task Without_an_endpoint_in_editorconfig_no_model_fix_is_offered()
    {
        var document = Document("public static class Sizes { public static int Twice(string value) { return value * 2; } }", endpoint: null);
        var error = (await document.GetSemanticModelAsync())!.GetDiagnostics().Single(diagnostic => diagnostic.Id == "CS0019");

        Assert.Empty(await ActionsAsync(new ModelRepairCodeFixProvider(), document, error));
    }

    [Fact]
    public async Task An_endpoint_that_fails_leaves_the_document_unchanged()
    {
        var document = Document("public static class Sizes { public static int Twice(string value) { return value * 2; } }", "http://127.0.0.1:9");
        var error = (await document.GetSemanticModelAsync())!.GetDiagnostics().Single(diagnostic => diagnostic.Id == "CS0019");

        var changed = await ApplyAsync(Assert.Single(await ActionsAsync(new ModelRepairCodeFixProvider(), document, error)), document);

        Assert.Equal((await document.GetTextAsync()).ToString(), (await changed.GetTextAsync()).ToString());
    }

    [Fact]
    public async Task Opening_the_light_bulb_does_not_call_the_model()
    {
        // A listener that never answers: a call of the model shows as a connection waiting in its queue.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var endpoint = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
            var document = Document("public static class Sizes { public static int Twice(string value) { return value * 2; } }", endpoint);
            var error = (await document.GetSemanticModelAsync())!.GetDiagnostics().Single(diagnostic => diagnostic.Id == "CS0019");
            var action = Assert.Single(await ActionsAsync(new ModelRepairCodeFixProvider(), document, error));

            var preview = await action.GetPreviewOperationsAsync(CancellationToken.None);

            Assert.Empty(preview);
            Assert.False(listener.Pending(), "the preview connected to the model's endpoint");

            // Applying the same action does call it: the listener sees that connection, so the check above can fail.
            var applying = ApplyAsync(action, document);
            var call = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromMinutes(1));
            call.Dispose();

            Assert.Equal((await document.GetTextAsync()).ToString(), (await (await applying).GetTextAsync()).ToString());
        }
        finally
        {
            listener.Stop();
        }
    }

    [Theory]
    [InlineData(ServedModelFixture.ApiKey, true)]
    [InlineData(null, false)]
    public async Task The_key_for_a_keyed_serve_comes_from_the_environment_and_never_from_editorconfig(string? environmentKey, bool repaired)
    {
        // The key is in .editorconfig too: were it read from there, the fix would work without the environment.
        var document = Document(
            "public static class Sizes { public static int Twice(string value) { return value * 2; } }",
            served.KeyedEndpoint,
            $"codellama_refactor.api_key = {ServedModelFixture.ApiKey}\n");
        var error = (await document.GetSemanticModelAsync())!.GetDiagnostics().Single(diagnostic => diagnostic.Id == "CS0019");
        var saved = Environment.GetEnvironmentVariable(CodeLlama.Refactor.Inference.Http.EndpointOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(CodeLlama.Refactor.Inference.Http.EndpointOptions.ApiKeyEnvironmentVariable, environmentKey);
        Document changed;
        try
        {
            changed = await ApplyAsync(Assert.Single(await ActionsAsync(new ModelRepairCodeFixProvider(), document, error)), document);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CodeLlama.Refactor.Inference.Http.EndpointOptions.ApiKeyEnvironmentVariable, saved);
        }

        Assert.Equal(repaired, (await changed.GetTextAsync()).ToString().Contains("return value.Length * 2;", StringComparison.Ordinal));
    }

    private static void AddEndpoint(SolutionState state, string endpoint) =>
        state.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*]\ncodellama_refactor.endpoint = {endpoint}\n"));

    internal static Document Document(string code, string? endpoint, string extraConfig = "")
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll")
            .Select(path => MetadataReference.CreateFromFile(path));
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Lib", "Lib", LanguageNames.CSharp,
                filePath: "/src/Lib.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: references))
            .AddDocument(DocumentId.CreateNewId(projectId), "Sizes.cs", SourceText.From(code), filePath: "/src/Sizes.cs");
        if (endpoint is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(projectId), ".editorconfig",
                // A timeout no loaded CI machine reaches: a request cut short would read as a refused fix.
                SourceText.From($"root = true\n\n[*.cs]\ncodellama_refactor.endpoint = {endpoint}\ncodellama_refactor.timeout_seconds = 120\n{extraConfig}"),
                filePath: "/src/.editorconfig");
        }

        return solution.Projects.Single().Documents.Single();
    }

    internal static async Task<IReadOnlyList<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    internal static async Task<Document> ApplyAsync(CodeAction action, Document document)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return solution.GetDocument(document.Id)!;
    }
}
