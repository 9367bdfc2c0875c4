using CodeLlama.Refactor.Documentation;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Analyzers.CodeFixes;

/// <summary>
/// Documentation text from the endpoint's model, one element at a time with the same prompt as <c>doc --model</c>. Any
/// failure or unusable text throws, so that the fix leaves the document as it was.
/// </summary>
internal sealed class EndpointDocText(EndpointClient client) : IDocTextSource
{
    // About 8k tokens of code: the IDE has no tokenizer, so the prefix is cut by characters, at a line start.
    private const int MaxPrefixCharacters = 24_000;

    public string Name => "endpoint";

    public async ValueTask<IReadOnlyList<XmlNodeSyntax>> GetContentAsync(DocGap gap, CancellationToken cancellationToken)
    {
        var prompt = DocPrompt.For(gap);
        var prefix = prompt.Before;
        if (prefix.Length > MaxPrefixCharacters)
        {
            var start = prefix.IndexOf('\n', prefix.Length - MaxPrefixCharacters);
            prefix = prefix.Substring(start + 1);
        }

        var completion = await client.InfillAsync(prefix, prompt.After, cancellationToken).ConfigureAwait(false);
        var text = DocTextCleaner.Clean(completion) ?? throw new InvalidOperationException("The model wrote nothing usable.");
        return [XmlDoc.Text(text)];
    }
}
