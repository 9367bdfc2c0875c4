using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// One plain condition under which a member throws, e.g. <c>source</c> "is null" or <c>count</c> "is less than" 0;
/// read as "<c>&lt;paramref name="source"/&gt; is null</c>".
/// </summary>
/// <param name="Parameter">The parameter the condition is about, or null for the instance ("this instance has been disposed").</param>
/// <param name="Predicate">What holds of it, e.g. "is null".</param>
/// <param name="Operand">What it is compared with, or null.</param>
/// <param name="OperandIsParameter">True when <paramref name="Operand"/> names a parameter.</param>
public sealed record ThrowCondition(string? Parameter, string Predicate, string? Operand = null, bool OperandIsParameter = false)
{
    /// <summary>The condition as comment nodes.</summary>
    /// <returns>For example <c>&lt;paramref name="count"/&gt; is less than 0</c>.</returns>
    public IEnumerable<XmlNodeSyntax> Render()
    {
        if (Parameter is not null)
        {
            yield return XmlDoc.ParamRef(Parameter);
            yield return XmlDoc.Text(" ");
        }

        yield return XmlDoc.Text(Predicate);
        if (Operand is not null)
        {
            yield return XmlDoc.Text(" ");
            yield return OperandIsParameter ? XmlDoc.ParamRef(Operand) : XmlDoc.Code(Operand);
        }
    }

    /// <summary>The same condition about the caller's parameters, when a helper is called with them.</summary>
    /// <param name="rename">Maps the helper's parameter names to the caller's; null where an argument is no parameter.</param>
    /// <returns>The renamed condition, or null when it names a parameter the caller did not pass itself.</returns>
    public ThrowCondition? Renamed(Func<string, string?> rename)
    {
        var parameter = Parameter is null ? null : rename(Parameter);
        var operand = OperandIsParameter && Operand is not null ? rename(Operand) : Operand;
        return (Parameter is not null && parameter is null) || (Operand is not null && operand is null)
            ? null
            : this with { Parameter = parameter, Operand = operand };
    }
}

/// <summary>
/// When a member throws one exception type: a disjunction of sites, each a conjunction of clauses, each clause a
/// disjunction of plain conditions; null <see cref="Sites"/> when some throw of the type has a condition that is not plain.
/// </summary>
/// <param name="Sites">The conditions per place it is thrown (an empty site: thrown unconditionally); null when unknown.</param>
/// <param name="Fallback">What the exception's own arguments say when the conditions are unknown, or null.</param>
public sealed record ThrowSite(IReadOnlyList<IReadOnlyList<IReadOnlyList<ThrowCondition>>>? Sites, ThrowCondition? Fallback = null);
