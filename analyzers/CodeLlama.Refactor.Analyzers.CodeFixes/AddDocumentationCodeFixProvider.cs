using System.Collections.Immutable;
using System.Composition;
using CodeLlama.Refactor.Documentation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CodeLlama.Refactor.Analyzers.CodeFixes;

/// <summary>
/// "Add XML documentation": the comment <c>codellama-refactor doc</c> writes without a model (the same source), for
/// CLRF0001 and the compiler's CS1591; Fix All in document, project or solution.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddDocumentationCodeFixProvider))]
[Shared]
public sealed class AddDocumentationCodeFixProvider : CodeFixProvider
{
    /// <summary>The title users see.</summary>
    public const string Title = "Add XML documentation";

    private static readonly TemplateDocText Templates = new();

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Rules.MissingDocumentation.Id, "CS1591");

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    cancellationToken => DocumentationFix.DocumentAsync(context.Document, diagnostic.Location.SourceSpan, Templates, cancellationToken),
                    equivalenceKey: nameof(AddDocumentationCodeFixProvider)),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
