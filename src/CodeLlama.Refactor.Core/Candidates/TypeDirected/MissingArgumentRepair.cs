using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>
/// CS7036 (no argument for a required parameter) and CS1501 (no overload takes that many): pass an in-scope value of
/// the missing parameter's type, every one of them (up to the source's cap), ranked by data flow (a local computed in
/// the same method just before the call first, <see cref="ScopeValues.FlowScore"/>) and by how like the parameter it is
/// named. A deleted argument may have been any of
/// them, so each place where the others still type-check is tried; the argument is named where the position alone
/// would not tell the reader which parameter it fills.
/// </summary>
internal sealed class MissingArgumentRepair : ITypeDirectedRepair
{
    public IReadOnlyCollection<string> ErrorIds { get; } = ["CS7036", "CS1501"];

    public IEnumerable<Candidate> Propose(RepairSite site, CancellationToken cancellationToken)
    {
        if (Call.Around(site) is not { } call)
        {
            return [];
        }

        var proposals = new List<(string Title, TextChange Change, double Score, int Order)>();
        foreach (var method in call.Methods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            proposals.AddRange(ForMethod(site, call, method).Select(proposal => (proposal.Title, proposal.Change, proposal.Score, proposals.Count)));
        }

        return proposals
            .OrderByDescending(proposal => proposal.Score)
            .ThenBy(proposal => proposal.Order)
            .DistinctBy(proposal => proposal.Title)
            .Select((proposal, rank) => site.Edit(proposal.Title, rank, proposal.Change));
    }

    private static IEnumerable<(string Title, TextChange Change, double Score)> ForMethod(RepairSite site, Call call, IMethodSymbol method)
    {
        var arguments = call.Arguments.Arguments;
        var parameters = method.Parameters;
        var required = parameters.Count(parameter => !parameter.IsOptional && !parameter.IsParams);
        if (arguments.Count >= required)
        {
            yield break;
        }

        if (arguments.Any(argument => argument.NameColon is not null))
        {
            // With named arguments the missing one is the required parameter nobody names or reaches by position.
            var positional = arguments.TakeWhile(argument => argument.NameColon is null).Count();
            var named = arguments.Where(argument => argument.NameColon is not null).Select(argument => argument.NameColon!.Name.Identifier.ValueText).ToHashSet();
            var missing = parameters.Skip(positional).FirstOrDefault(parameter => !parameter.IsOptional && !parameter.IsParams && !named.Contains(parameter.Name));
            if (missing is not null)
            {
                foreach (var (value, score) in Values(site, call, missing))
                {
                    yield return Proposal(method, missing, $"{missing.Name}: {value}", score, new TextChange(new TextSpan(arguments[^1].Span.End, 0), $", {missing.Name}: {value}"));
                }
            }

            yield break;
        }

        if (arguments.Count + 1 < required)
        {
            // Several arguments missing: the trailing required ones, each its best value.
            foreach (var proposal in Trailing(site, call, method, required))
            {
                yield return proposal;
            }

            yield break;
        }

        for (var index = 0; index < required; index++)
        {
            var gap = index;
            var othersFit = arguments.Select((argument, position) => Call.Fits(site.Model, argument, parameters[position < gap ? position : position + 1])).All(fits => fits);
            if (!othersFit)
            {
                continue;
            }

            // A gap that leaves the other arguments on parameters of exactly their types is the likelier one.
            var exact = arguments.Count == 0 ? 1 : arguments.Select((argument, position) => Call.TypeOf(site.Model, argument) is { } type
                && LosslessConversion.IsIdentity(site.Model.Compilation, type, parameters[position < gap ? position : position + 1].Type)).Count(same => same) / (double)arguments.Count;
            // A gap that leaves the other arguments on parameters named like them (rate on rate) is likelier still.
            var aligned = arguments.Select((argument, position) => NameSimilarity.Score(argument.Expression.ToString(), parameters[position < gap ? position : position + 1].Name))
                .DefaultIfEmpty(0).Average();
            var parameter = parameters[index];
            var ambiguous = parameters.Count(other => SymbolEqualityComparer.Default.Equals(other.Type, parameter.Type)) > 1;
            foreach (var (value, score) in Values(site, call, parameter))
            {
                var text = ambiguous && NameSimilarity.Score(value, parameter.Name) < 1 ? $"{parameter.Name}: {value}" : value;
                yield return Proposal(method, parameter, text, score + (0.3 * exact) + (0.3 * aligned), Insertion(call.Arguments, index, text));
            }
        }
    }

    private static IEnumerable<(string Title, TextChange Change, double Score)> Trailing(RepairSite site, Call call, IMethodSymbol method, int required)
    {
        var arguments = call.Arguments.Arguments;
        var missing = method.Parameters.Skip(arguments.Count).Take(required - arguments.Count).ToList();
        var values = missing.Select(parameter => Values(site, call, parameter).FirstOrDefault()).ToList();
        if (values.Any(value => value.Text is null)
            || !arguments.Select((argument, position) => Call.Fits(site.Model, argument, method.Parameters[position])).All(fits => fits))
        {
            yield break;
        }

        var text = string.Join(", ", values.Select(value => value.Text));
        yield return Proposal(method, missing[0], text, values.Average(value => value.Score), Insertion(call.Arguments, arguments.Count, text));
    }

    private static IEnumerable<(string Text, double Score)> Values(RepairSite site, Call call, IParameterSymbol parameter)
    {
        var passed = call.Arguments.Arguments.Select(argument => argument.Expression.ToString()).ToHashSet(StringComparer.Ordinal);
        var position = call.Syntax.SpanStart;
        var inScope = ScopeValues.InScope(site.Model, position);
        return ScopeValues.AssignableTo(site.Model, position, parameter.Type, parameter.Name)
            .Where(value => !IsInside(value.Symbol, call.Syntax))
            .Select(value => (value.Name, Score: NameSimilarity.Score(value.Name, parameter.Name) + ScopeValues.FlowScore(value, position, inScope) - (passed.Contains(value.Name) ? 0.6 : 0)))
            .OrderByDescending(value => value.Score)
            .Take(TypeDirectedSource.MaxCandidates);
    }

    // A value declared by the call itself (an out variable, a lambda's parameter) is not yet there to pass.
    private static bool IsInside(ISymbol symbol, SyntaxNode call) =>
        symbol.DeclaringSyntaxReferences.Any(reference => reference.SyntaxTree == call.SyntaxTree && call.Span.Contains(reference.Span));

    private static (string Title, TextChange Change, double Score) Proposal(IMethodSymbol method, IParameterSymbol parameter, string text, double score, TextChange change) =>
        ($"Pass '{text}' for parameter '{parameter.Name}' of '{method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)}'", change, score);

    private static TextChange Insertion(BaseArgumentListSyntax list, int index, string text)
    {
        var arguments = list.Arguments;
        return arguments.Count == 0 ? new TextChange(new TextSpan(list.GetFirstToken().Span.End, 0), text)
            : index < arguments.Count ? new TextChange(new TextSpan(arguments[index].SpanStart, 0), $"{text}, ")
            : new TextChange(new TextSpan(arguments[^1].Span.End, 0), $", {text}");
    }
}
