using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CodeLlama.Refactor.Analyzers.CodeFixes;

/// <summary>
/// "Document with Code Llama": the comment of "Add XML documentation", its text written by the model at the endpoint
/// .editorconfig names. Offered only when an endpoint is set; the model is called when the fix is applied.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelDocumentationCodeFixProvider))]
[Shared]
public sealed class ModelDocumentationCodeFixProvider : CodeFixProvider
{
    /// <summary>The title users see.</summary>
    public const string Title = "Document with Code Llama";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.MissingDocumentation.Id, "CS1591");

    /// <inheritdoc/>
    /// <remarks>
    /// Each member's comment is its own insertion, so the batch merges them; `dotnet format --diagnostics CLRF0001` runs
    /// it. Where no endpoint is set, no fix is registered, and the batch changes nothing.
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await EndpointSettings.ForAsync(context.Document, context.CancellationToken).ConfigureAwait(false) is not { } settings)
        {
            return;
        }

        var source = new EndpointDocText(new EndpointClient(settings));
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                new ModelCodeAction(
                    Title,
                    nameof(ModelDocumentationCodeFixProvider),
                    context.Document,
                    cancellationToken => DocumentationFix.DocumentAsync(context.Document, diagnostic.Location.SourceSpan, source, cancellationToken)),
                diagnostic);
        }
    }
}
