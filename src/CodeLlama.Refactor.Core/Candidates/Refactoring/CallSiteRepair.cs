using CodeLlama.Refactor.Candidates.TypeDirected;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>
/// Calls of a method whose declaration the change re-signed: every call given the new shape (an added parameter gets
/// the in-scope value of its name and type, else its default value, else a guess the tests must choose; a removed one
/// loses its argument; a retyped one gets its argument converted without loss, a sequence's <c>ToList()</c> or a task
/// awaited, or no completion), or the declaration put back as it was.
/// </summary>
internal static class CallSiteRepair
{
    public static async Task<IReadOnlyList<Candidate>> CandidatesAsync(
        Solution solution, IReadOnlyList<GroupedError> group, ChangeEvidence evidence, CancellationToken cancellationToken)
    {
        var first = group[0];
        var model = await first.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var node = (await first.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!.FindNode(first.Diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (model is null)
        {
            return [];
        }

        var methods = RootCauses.CalledMethods(first.Diagnostic.Id, node, model, cancellationToken);
        var candidates = new List<Candidate>();
        foreach (var (change, method) in evidence.Changes.SelectMany(change => methods.Where(method => Declarations.Declare(Unreduced(method), change.After, cancellationToken)).Select(method => (change, method))))
        {
            if ((change.Kinds & (DeclarationChangeKinds.ParameterAdded | DeclarationChangeKinds.ParameterRemoved | DeclarationChangeKinds.ParameterRetyped)) != 0)
            {
                foreach (var guess in new[] { Guess.None, Guess.InScope, Guess.Default })
                {
                    if (await CompleteAsync(group, change, method, guess, cancellationToken).ConfigureAwait(false) is { } edit
                        && await edit.ApplyAsync(solution, cancellationToken).ConfigureAwait(false) is { } changed)
                    {
                        var title = guess == Guess.None ? $"Complete the change of '{method.Name}' at {group.Count} call(s)"
                            : $"Complete the change of '{method.Name}' at {group.Count} call(s), guessing {(guess == Guess.InScope ? "an in-scope value" : "default")} for the new argument";
                        candidates.Add(new Candidate(guess == Guess.None ? RefactoringSource.SourceName : RefactoringSource.GuessSourceName, title, changed,
                            guess == Guess.None ? Preferences.Complete : Preferences.Guess) { Rank = (int)guess });
                    }
                }
            }

            var revert = new GroupEdit();
            foreach (var (document, declaration) in await Declarations.FindAsync(solution, change.After, cancellationToken).ConfigureAwait(false))
            {
                Declarations.Resign(revert, document, declaration, change.Before);
            }

            if (!revert.IsEmpty && await revert.ApplyAsync(solution, cancellationToken).ConfigureAwait(false) is { } reverted)
            {
                candidates.Add(new Candidate(RefactoringSource.SourceName, $"Revert the declaration of '{method.Name}' to {change.Before.ParameterList}", reverted, Preferences.Revert));
            }
        }

        return candidates;
    }

    /// <summary>How a completion finds the value of a new parameter no in-scope value of its name and type supplies.</summary>
    private enum Guess
    {
        /// <summary>It does not guess: without such a value or a default, there is no candidate.</summary>
        None,

        /// <summary>The in-scope value of the parameter's type most like its name.</summary>
        InScope,

        /// <summary><c>default</c>.</summary>
        Default,
    }

    // Every call of the group given the new shape; null when a call cannot be (a positional argument after a named one,
    // more positional arguments than parameters), or when this way of guessing adds nothing: a candidate that guesses
    // only where the others would not.
    private static async Task<GroupEdit?> CompleteAsync(IReadOnlyList<GroupedError> group, DeclarationChange change, IMethodSymbol method, Guess guess, CancellationToken cancellationToken)
    {
        var edit = new GroupEdit();
        var guessed = false;
        foreach (var error in group)
        {
            var model = await error.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await error.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = root!.FindNode(error.Diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (model is null || CallOf(node, method, model, cancellationToken) is not { } call
                || Arguments(call.Arguments, call.Reduced ? 1 : 0, change, Unreduced(method), model, guess, cancellationToken) is not { } arguments)
            {
                return null;
            }

            guessed |= arguments.Guessed;
            foreach (var argumentChange in arguments.Changes)
            {
                edit.Replace(error.Document.Id, argumentChange.Span, argumentChange.NewText!);
            }
        }

        return guess == Guess.None || guessed ? edit : null;
    }

    // The changes that give one call the new shape, each argument left as written where it stays (its line breaks
    // too). Positional arguments are matched to the declaration's parameters by position, after the receiver of an
    // extension method called on it (offset 1), named ones by name; a new parameter goes where its position falls
    // among the positional arguments, else it is passed by name at the end.
    private static (List<TextChange> Changes, bool Guessed)? Arguments(
        BaseArgumentListSyntax list, int offset, DeclarationChange change, IMethodSymbol method, SemanticModel model, Guess guess, CancellationToken cancellationToken)
    {
        var arguments = list.Arguments;
        var positional = arguments.TakeWhile(argument => argument.NameColon is null).Count();
        if (arguments.Skip(positional).Any(argument => argument.NameColon is null) || positional + offset > change.Before.Parameters.Count
            || change.Removed.Any(index => index < offset) || change.Added.Any(added => added.Index < offset)
            || change.Retyped.Any(retyped => retyped.Before < offset))
        {
            return null;
        }

        // The argument that passes the parameter at `index` of the old declaration, or -1.
        int ArgumentOf(int index) => index - offset < positional ? index - offset
            : arguments.IndexOf(argument => argument.NameColon?.Name.Identifier.ValueText == change.Before.Parameters[index].Name);

        // Insertions first: a new argument inserted where a converted one starts must come before the conversion.
        var changes = new List<TextChange>();
        var conversions = new List<TextChange>();
        foreach (var (before, after) in change.Retyped)
        {
            if (ArgumentOf(before) is var at && at < 0)
            {
                continue;
            }

            if (Converted(model, arguments[at].Expression, method.Parameters[after].Type, cancellationToken) is not { } converted)
            {
                return null;
            }

            conversions.Add(new TextChange(arguments[at].Expression.Span, converted));
        }

        var removed = change.Removed.Select(ArgumentOf).Where(at => at >= 0).ToHashSet();
        var newParameters = change.After.Parameters.Select(parameter => parameter.Name).ToList();
        var kept = Enumerable.Range(0, positional).Where(at => !removed.Contains(at))
            .Select(at => (At: at, After: newParameters.IndexOf(change.Before.Parameters[at + offset].Name))).ToList();
        var remaining = Enumerable.Range(0, arguments.Count).Where(at => !removed.Contains(at)).ToList();
        var guessed = false;
        var insertedBefore = 0;
        foreach (var (index, parameter) in change.Added)
        {
            if (Value(model, list.SpanStart, method.Parameters[index], parameter, guess, out var isGuess) is not { } value)
            {
                return null;
            }

            guessed |= isGuess;
            var next = kept.FindIndex(entry => entry.After > index);
            var allBeforeIt = kept.Count(entry => entry.After < index) + insertedBefore == index - offset;
            if (allBeforeIt && next >= 0)
            {
                changes.Add(new TextChange(new TextSpan(arguments[kept[next].At].SpanStart, 0), value + ", "));
            }
            else if (allBeforeIt && kept.Count > 0)
            {
                changes.Add(new TextChange(new TextSpan(arguments[kept[^1].At].Span.End, 0), ", " + value));
            }
            else if (allBeforeIt && remaining.Count > 0)
            {
                changes.Add(new TextChange(new TextSpan(arguments[remaining[0]].SpanStart, 0), value + ", "));
            }
            else
            {
                var named = $"{parameter.Name}: {value}";
                changes.Add(remaining.Count > 0
                    ? new TextChange(new TextSpan(arguments[remaining[^1]].Span.End, 0), ", " + named)
                    : new TextChange(new TextSpan(list.GetFirstToken().Span.End, 0), named));
            }

            insertedBefore += allBeforeIt ? 1 : 0;
        }

        changes.AddRange(conversions);
        changes.AddRange(Removals(arguments, removed));
        return (changes, guessed);
    }

    // Each run of removed arguments with the separator that joined it to what stays: the one after it, or, for the
    // last run, the one before it.
    private static IEnumerable<TextChange> Removals(SeparatedSyntaxList<ArgumentSyntax> arguments, IReadOnlySet<int> removed)
    {
        foreach (var first in removed.Where(at => !removed.Contains(at - 1)).Order())
        {
            var last = first;
            while (removed.Contains(last + 1))
            {
                last++;
            }

            var span = last < arguments.Count - 1 ? TextSpan.FromBounds(arguments[first].SpanStart, arguments[last + 1].SpanStart)
                : first > 0 ? TextSpan.FromBounds(arguments.GetSeparator(first - 1).SpanStart, arguments[last].Span.End)
                : TextSpan.FromBounds(arguments[first].SpanStart, arguments[last].Span.End);
            yield return new TextChange(span, "");
        }
    }

    // The method as declared: an extension method called on its receiver is bound in its reduced form, without `this`.
    private static IMethodSymbol Unreduced(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    // The arguments of the call of the method that holds the error: an error on an argument that is itself a call
    // (`Count(items.Where(...))`) is about the outer call.
    private static (BaseArgumentListSyntax Arguments, bool Reduced)? CallOf(SyntaxNode node, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            var arguments = ancestor switch
            {
                InvocationExpressionSyntax invocation => (BaseArgumentListSyntax?)invocation.ArgumentList,
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                _ => null,
            };
            var info = arguments is null ? default : model.GetSymbolInfo(ancestor, cancellationToken);
            if (arguments is not null && info.CandidateSymbols.Prepend(info.Symbol).OfType<IMethodSymbol>()
                .FirstOrDefault(symbol => SymbolEqualityComparer.Default.Equals(Unreduced(symbol), Unreduced(method))) is { } bound)
            {
                return (arguments, bound.MethodKind == MethodKind.ReducedExtension);
            }
        }

        return null;
    }

    // The argument of a retyped parameter as the new type takes it: itself where it converts without loss, else the
    // first conversion without loss the libraries offer (a sequence's list or array, a task's awaited value); null without one.
    private static string? Converted(SemanticModel model, ExpressionSyntax argument, ITypeSymbol type, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(argument, cancellationToken).Type is not { } argumentType)
        {
            return null;
        }

        return LosslessConversion.Exists(model.Compilation, argumentType, type)
            ? argument.ToString()
            : DeclaredTypeRepair.Conversions(model, argument, argumentType, type).FirstOrDefault();
    }

    private static string? Value(SemanticModel model, int position, IParameterSymbol symbol, ParameterShape parameter, Guess guess, out bool isGuess)
    {
        isGuess = false;
        var named = ScopeValues.InScope(model, position)
            .FirstOrDefault(value => value.Name == parameter.Name && SymbolEqualityComparer.Default.Equals(value.Type, symbol.Type));
        if (named is not null)
        {
            return named.Name;
        }

        if (parameter.Default is { } defaultValue)
        {
            return defaultValue;
        }

        isGuess = true;
        return guess switch
        {
            Guess.InScope => ScopeValues.AssignableTo(model, position, symbol.Type, parameter.Name).FirstOrDefault()?.Name,
            Guess.Default => "default",
            _ => null,
        };
    }
}
