using CodeLlama.Refactor.Inference;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.Model;

/// <summary>
/// Repairs no rule knows: the model rewrites the statement (or member) around the error, seeing the whole file before
/// and after it and, as repository context, the signatures the statement uses from other files (<see cref="DeclarationHeader"/>), with
/// the diagnostic and the broken code as comments just above the gap (<see cref="RepairPrompt"/>); each of its K
/// completions becomes a candidate verified like any other.
/// </summary>
/// <param name="model">The model.</param>
/// <param name="candidates">How many completions to ask for per error.</param>
/// <param name="style">FIM (the gap in the file) or an instruction through the model's chat template.</param>
public sealed class ModelRepairSource(IInfillModel model, int candidates, RepairPromptStyle style = RepairPromptStyle.Fim) : ICandidateSource
{
    /// <summary>Ranks model repairs after rule-based ones of the same size (a rule that applies is rarely wrong).</summary>
    public const int Preference = 5;

    private const int TitleLength = 100;
    private int windowed;

    /// <summary>Prompts that were cut to fit the context.</summary>
    public int Windowed => windowed;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Candidate>> GetCandidatesAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostic);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || !diagnostic.Location.IsInSource || RepairSpan.For(root, diagnostic.Location.SourceSpan) is not { } span)
        {
            return [];
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var header = semanticModel is null ? string.Empty : DeclarationHeader.For(semanticModel, span, cancellationToken);
        var original = text.ToString(span);
        var request = Request(root, text, span, diagnostic, header);
        // A failed request throws: the repair loop counts it, and the report says how often the model failed.
        var completions = (await model.InfillAsync(request, cancellationToken).ConfigureAwait(false)).Completions;

        return completions
            .Select(completion => style == RepairPromptStyle.Instruct ? RepairPrompt.CodeOf(completion.Text) : completion.Text.Trim())
            .Zip(completions, (replacement, completion) => (Replacement: replacement, completion.LogProbability))
            .Where(entry => entry.Replacement.Length > 0 && entry.Replacement != original)
            .DistinctBy(entry => entry.Replacement)
            .Select(entry => new Candidate(
                $"model:{model.Name}",
                $"Rewrite as '{Shorten(entry.Replacement)}'",
                document.WithText(text.WithChanges(new TextChange(span, entry.Replacement))).Project.Solution,
                Preference,
                entry.LogProbability))
            .ToList();
    }

    private InfillRequest Request(SyntaxNode root, SourceText text, TextSpan span, Diagnostic diagnostic, string header)
    {
        var suffix = text.ToString(TextSpan.FromBounds(span.End, text.Length));
        var window = style == RepairPromptStyle.Instruct
            ? InfillWindow.Fit(root, span.Start, text.ToString(TextSpan.FromBounds(0, span.Start)), suffix, model, header)
            : InfillWindow.Fit(root, span.Start, RepairPrompt.Prefix(text, span, diagnostic), suffix, model, header);
        if (window.IsWindowed)
        {
            Interlocked.Increment(ref windowed);
        }

        if (style == RepairPromptStyle.Fim)
        {
            // The signatures from other files are repository context: the model lays them out its own way (llama.cpp's
            // input_extra, FIM_SEP chunks for the families trained on them).
            return new InfillRequest(window.Prefix, window.Suffix, candidates)
            {
                Extra = header.Length == 0 ? [] : [new InfillChunk(DeclarationHeader.FileName, header)],
            };
        }

        var broken = text.ToString(span);
        var context = window.Prefix + "/*<broken>*/" + broken + "/*</broken>*/" + window.Suffix;
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        return new InfillRequest(string.Empty, string.Empty, candidates) { Instruction = RepairPrompt.Instruction(context, diagnostic.Id, message, broken, header) };
    }

    private static string Shorten(string code)
    {
        var line = string.Join(' ', code.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));
        return line.Length <= TitleLength ? line : line[..TitleLength] + "…";
    }
}
