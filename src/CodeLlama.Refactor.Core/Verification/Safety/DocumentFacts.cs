using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>What one member referenced before an edit: its texts (a member may be declared in parts), symbols and attributes.</summary>
/// <param name="Texts">Its declarations' full text.</param>
/// <param name="Symbols">The keys (<see cref="SymbolJudge.Key"/>) of every symbol and type it referenced.</param>
/// <param name="Attributes">The attributes inside it, as written.</param>
internal sealed record MemberFacts(HashSet<string> Texts, HashSet<string> Symbols, List<string> Attributes);

/// <summary>A document before an edit, as the allow-list gate compares it: read once per document, whatever the candidate.</summary>
/// <param name="Members">Each member's facts, by key.</param>
/// <param name="FileSymbols">Every symbol the file referenced: what a new member may reference.</param>
/// <param name="Imports">Its usings and extern aliases.</param>
/// <param name="TypeHeaders">Its types' declarations without members.</param>
/// <param name="OuterAttributes">Its attributes outside members.</param>
internal sealed record DocumentFacts(
    IReadOnlyDictionary<string, MemberFacts> Members, IReadOnlySet<string> FileSymbols, string Imports,
    IReadOnlyDictionary<string, string> TypeHeaders, IReadOnlyList<string> OuterAttributes)
{
    public static DocumentFacts Empty { get; } = new(new Dictionary<string, MemberFacts>(), new HashSet<string>(), "", new Dictionary<string, string>(), []);

    public static async Task<DocumentFacts> ReadAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return Empty;
        }

        var members = new Dictionary<string, MemberFacts>(StringComparer.Ordinal);
        var file = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in MemberEdits.Members(root, model, cancellationToken))
        {
            if (!members.TryGetValue(member.Key, out var facts))
            {
                members[member.Key] = facts = new MemberFacts(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), []);
            }

            facts.Texts.Add(member.Node.ToFullString());
            facts.Attributes.AddRange(MemberEdits.Attributes(member.Node));
            foreach (var reference in ReferenceWalker.Walk(member.Node, model, cancellationToken))
            {
                if (reference.Symbol is { } symbol)
                {
                    var key = SymbolJudge.Key(symbol is IMethodSymbol { ReducedFrom: { } extension } ? extension : symbol);
                    facts.Symbols.Add(key);
                    file.Add(key);
                }
            }
        }

        return new DocumentFacts(members, file, MemberEdits.Imports(root), MemberEdits.TypeHeaders(root), MemberEdits.OuterAttributes(root));
    }
}
