using CodeLlama.Refactor.Candidates.Model;
using CodeLlama.Refactor.Inference;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Documentation text written by an infill model, one element at a time: the prompt (a <see cref="DocPrompt"/>) has the
/// file up to the inside of the element as its prefix, the rest of the element and the member as its suffix. The element's tag still comes from
/// Roslyn; the text is cleaned, and the template is used when nothing usable comes back.
/// </summary>
/// <param name="model">The model.</param>
public sealed class ModelDocText(IInfillModel model) : IDocTextSource, IFilesInFlight
{
    private int windowed;
    private int fallbacks;
    private int answered;

    /// <inheritdoc/>
    public string Name => $"model:{model.Name}";

    /// <inheritdoc/>
    public int FilesInFlight => Math.Max(1, model.Concurrency);

    /// <summary>Elements the model wrote.</summary>
    public int Answered => answered;

    /// <summary>Elements that got the template because the model's text was unusable or the model failed.</summary>
    public int Fallbacks => fallbacks;

    /// <summary>Prompts that were cut to fit the context.</summary>
    public int Windowed => windowed;

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<XmlNodeSyntax>> GetContentAsync(DocGap gap, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gap);
        var element = gap.Element;
        var prompt = DocPrompt.For(gap);
        var window = InfillWindow.Fit(gap.Draft.Root, gap.Draft.Anchor, prompt.Before, prompt.After, model);
        if (window.IsWindowed)
        {
            Interlocked.Increment(ref windowed);
        }

        string? text;
        try
        {
            var completions = await model.InfillAsync(new InfillRequest(window.Prefix, window.Suffix), cancellationToken).ConfigureAwait(false);
            text = completions.Completions.Count > 0 ? DocTextCleaner.Clean(completions.Completions[0].Text) : null;
        }
        catch (InferenceException)
        {
            text = null;
        }

        if (text is null)
        {
            Interlocked.Increment(ref fallbacks);
            return TemplateDocText.Content(element);
        }

        Interlocked.Increment(ref answered);
        return [XmlDoc.Text(text)];
    }
}
