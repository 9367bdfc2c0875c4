using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.TypeDirected;

/// <summary>
/// CS1503 (an argument of the wrong type) and CS1502 (no overload fits the arguments): the same arguments in an order
/// in which every one converts to its parameter without loss, the fewest moved first. Never a cast.
/// </summary>
internal sealed class ArgumentOrderRepair : ITypeDirectedRepair
{
    // Permutations grow factorially; calls with more positional arguments than this are left to other sources.
    private const int MaxArguments = 6;

    public IReadOnlyCollection<string> ErrorIds { get; } = ["CS1503", "CS1502"];

    public IEnumerable<Candidate> Propose(RepairSite site, CancellationToken cancellationToken)
    {
        if (Call.Around(site) is not { } call)
        {
            return [];
        }

        var arguments = call.Arguments.Arguments;
        if (arguments.Count is < 2 or > MaxArguments || arguments.Any(argument => argument.NameColon is not null))
        {
            return [];
        }

        var orders = new List<(int[] Order, IMethodSymbol Method)>();
        foreach (var method in call.Methods)
        {
            var parameters = method.Parameters;
            if (parameters.Length < arguments.Count || parameters.Count(parameter => !parameter.IsOptional && !parameter.IsParams) > arguments.Count
                || parameters.Take(arguments.Count).Any(parameter => parameter.IsParams))
            {
                continue;
            }

            // fits[a, p]: argument a can be passed for parameter p.
            var fits = new bool[arguments.Count, arguments.Count];
            for (var a = 0; a < arguments.Count; a++)
            {
                for (var p = 0; p < arguments.Count; p++)
                {
                    fits[a, p] = Call.Fits(site.Model, arguments[a], parameters[p]);
                }
            }

            foreach (var order in Permutations(arguments.Count))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!IsIdentity(order) && order.Select((argument, parameter) => fits[argument, parameter]).All(fit => fit))
                {
                    orders.Add((order, method));
                }
            }
        }

        return orders
            .OrderBy(entry => entry.Order.Where((argument, parameter) => argument != parameter).Count())
            .DistinctBy(entry => string.Join(",", entry.Order))
            .Select((entry, rank) =>
            {
                var texts = entry.Order.Select(argument => arguments[argument].ToString()).ToList();
                var changes = texts.Select((text, parameter) => new TextChange(arguments[parameter].Span, text)).ToArray();
                var name = entry.Method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                return site.Edit($"Reorder the arguments of '{name}' to ({string.Join(", ", texts)})", rank, changes);
            });
    }

    private static bool IsIdentity(int[] order) => order.Select((argument, parameter) => argument == parameter).All(same => same);

    private static IEnumerable<int[]> Permutations(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        return Permute(order, 0);

        static IEnumerable<int[]> Permute(int[] order, int from)
        {
            if (from == order.Length)
            {
                yield return (int[])order.Clone();
                yield break;
            }

            for (var i = from; i < order.Length; i++)
            {
                (order[from], order[i]) = (order[i], order[from]);
                foreach (var permutation in Permute(order, from + 1))
                {
                    yield return permutation;
                }

                (order[from], order[i]) = (order[i], order[from]);
            }
        }
    }
}
