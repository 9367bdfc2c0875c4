using System.Collections.Immutable;
using System.Composition;
using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Verification.Safety;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Analyzers.CodeFixes;

/// <summary>
/// "Fix with Code Llama": the model at the endpoint .editorconfig names rewrites the statement (or member) around a
/// compile error, as <c>fix --model</c> does. The rewrite is kept only when it adds no capability the code did not use
/// (the safety gate's capability scan; .editorconfig's <c>codellama_refactor.allowed_capabilities</c> allows more), the
/// error is gone and the document has no more errors than before; otherwise, or on any failure, the document is left as
/// it was.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ModelRepairCodeFixProvider))]
[Shared]
public sealed class ModelRepairCodeFixProvider : CodeFixProvider
{
    /// <summary>The title users see.</summary>
    public const string Title = "Fix with Code Llama";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        "CS0019", // operator cannot be applied to operands of these types
        "CS0029", // cannot implicitly convert type
        "CS0103", // the name does not exist in the current context
        "CS0117", // type does not contain a definition
        "CS0161", // not all code paths return a value
        "CS0165", // use of unassigned local variable
        "CS0266", // cannot implicitly convert type (explicit conversion exists)
        "CS0428", // cannot convert method group
        "CS1002", // ; expected
        "CS1061", // type does not contain a definition and no accessible extension method
        "CS1501", // no overload takes N arguments
        "CS1503", // cannot convert argument
        "CS1525", // invalid expression term
        "CS7036"); // no argument given for a required parameter

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await EndpointSettings.ForAsync(context.Document, context.CancellationToken).ConfigureAwait(false) is not { } settings)
        {
            return;
        }

        var client = new EndpointClient(settings);
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                new ModelCodeAction(Title, nameof(ModelRepairCodeFixProvider), context.Document, cancellationToken =>
                    RepairAsync(context.Document, diagnostic, client, cancellationToken)),
                diagnostic);
        }
    }

    private static async Task<Document> RepairAsync(Document document, Diagnostic diagnostic, EndpointClient client, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || RepairSpan.For(root, diagnostic.Location.SourceSpan) is not { } span)
        {
            return document;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var completion = await client.InfillAsync(
            text.ToString(TextSpan.FromBounds(0, span.Start)), text.ToString(TextSpan.FromBounds(span.End, text.Length)), cancellationToken).ConfigureAwait(false);
        var replacement = completion.Trim();
        if (replacement.Length == 0)
        {
            return document;
        }

        var repaired = document.WithText(text.WithChanges(new TextChange(span, replacement)));
        var rewritten = new TextSpan(span.Start, replacement.Length);
        var allowed = await AllowedCapabilities.ForAsync(document, [], cancellationToken).ConfigureAwait(false);
        if (await CapabilityComparison.FirstAddedAsync(document, repaired, allowed, cancellationToken).ConfigureAwait(false) is not null)
        {
            return document;
        }

        return await IsBetterAsync(document, repaired, diagnostic.Id, rewritten, cancellationToken).ConfigureAwait(false) ? repaired : document;
    }

    // The error is gone from the rewritten span, and the document has fewer errors than before.
    private static async Task<bool> IsBetterAsync(Document before, Document after, string targetId, TextSpan rewritten, CancellationToken cancellationToken)
    {
        var errorsBefore = await ErrorsAsync(before, cancellationToken).ConfigureAwait(false);
        var errorsAfter = await ErrorsAsync(after, cancellationToken).ConfigureAwait(false);
        return errorsAfter.Count < errorsBefore.Count
            && !errorsAfter.Any(error => error.Id == targetId && error.Location.SourceSpan.IntersectsWith(rewritten));
    }

    private static async Task<IReadOnlyList<Diagnostic>> ErrorsAsync(Document document, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null
            ? []
            : model.GetDiagnostics(cancellationToken: cancellationToken).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
    }
}
