using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// The text of an <c>&lt;exception&gt;</c>: the plain condition the member throws on (<c>&lt;paramref name="source"/&gt;
/// is null.</c>), what the exception's arguments say, or the exception type's own meaning.
/// </summary>
internal static class ExceptionText
{
    public static IReadOnlyList<XmlNodeSyntax> For(string cref, ThrowSite? site)
    {
        if (site?.Sites is { Count: > 0 } sites)
        {
            return sites.Any(conditions => conditions.Count == 0)
                ? [XmlDoc.Text("Always thrown.")]
                : [XmlDoc.Text("Thrown when "), .. Conditions(sites), XmlDoc.Text(".")];
        }

        if (site?.Fallback is { } fallback)
        {
            return [XmlDoc.Text("Thrown when "), .. fallback.Render(), XmlDoc.Text(".")];
        }

        var name = cref.Substring(cref.LastIndexOf('.') + 1);
        return [XmlDoc.Text(name switch
        {
            "ArgumentNullException" => "Thrown when a required argument is null.",
            "ArgumentOutOfRangeException" => "Thrown when an argument is outside its allowed range.",
            "ArgumentException" => "Thrown when an argument is not valid.",
            "ObjectDisposedException" => "Thrown when this instance has been disposed.",
            "NotSupportedException" => "Thrown when the operation is not supported.",
            "NotImplementedException" => "Thrown when the operation is not implemented.",
            "InvalidOperationException" => "Thrown when the operation cannot be performed.",
            "FormatException" => "Thrown when a value is not in the expected format.",
            "KeyNotFoundException" => "Thrown when the key is not found.",
            "OperationCanceledException" => "Thrown when the operation is canceled.",
            "TimeoutException" => "Thrown when the operation times out.",
            _ => "Thrown when the arguments or the state do not allow the operation.",
        })];
    }

    /// <summary>Sites joined by "or", clauses by "and", the choices within a clause by "or".</summary>
    public static IEnumerable<XmlNodeSyntax> Conditions(IReadOnlyList<IReadOnlyList<IReadOnlyList<ThrowCondition>>> sites)
    {
        var nodes = new List<XmlNodeSyntax>();
        foreach (var (site, siteIndex) in sites.Select((site, index) => (site, index)))
        {
            if (siteIndex > 0)
            {
                nodes.Add(XmlDoc.Text(", or "));
            }

            foreach (var (clause, clauseIndex) in site.Select((clause, index) => (clause, index)))
            {
                if (clauseIndex > 0)
                {
                    nodes.Add(XmlDoc.Text(" and "));
                }

                foreach (var (condition, conditionIndex) in clause.Select((condition, index) => (condition, index)))
                {
                    if (conditionIndex > 0)
                    {
                        nodes.Add(XmlDoc.Text(" or "));
                    }

                    nodes.AddRange(condition.Render());
                }
            }
        }

        return nodes;
    }
}
