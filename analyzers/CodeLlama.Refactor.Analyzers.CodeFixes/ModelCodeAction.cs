using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;

namespace CodeLlama.Refactor.Analyzers.CodeFixes;

/// <summary>
/// A code action that calls the model only when applied: it shows no preview (computing one would call the model while
/// the light bulb opens), and any failure, timeout included, leaves the document unchanged.
/// </summary>
internal sealed class ModelCodeAction(string title, string equivalenceKey, Document document, Func<CancellationToken, Task<Document>> change) : CodeAction
{
    public override string Title => title;

    public override string EquivalenceKey => equivalenceKey;

    protected override Task<IEnumerable<CodeActionOperation>> ComputePreviewOperationsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Enumerable.Empty<CodeActionOperation>());

    protected override async Task<Document> GetChangedDocumentAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await change(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is System.Net.Http.HttpRequestException or InvalidOperationException
            or System.Runtime.Serialization.SerializationException
            || exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return document;
        }
    }
}
