using CodeLlama.Refactor.Candidates.TypeDirected;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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
            edit.Replace(error.Document.Id, call.Arguments.Span, "(" + string.Join(", ", arguments.Texts) + ")");
        }

        return guess == Guess.None || guessed ? edit : null;
    }

    // The arguments of one call in the new shape. Positional arguments are matched to the declaration's parameters by
    // position, after the receiver of an extension method called on it (offset 1), named ones by name; a new
    // parameter goes where its position falls among the positional arguments, else it is passed by name.
    private static (List<string> Texts, bool Guessed)? Arguments(
        BaseArgumentListSyntax list, int offset, DeclarationChange change, IMethodSymbol method, SemanticModel model, Guess guess, CancellationToken cancellationToken)
    {
        var positional = list.Arguments.TakeWhile(argument => argument.NameColon is null).ToList();
        var named = list.Arguments.Skip(positional.Count).ToList();
        if (named.Any(argument => argument.NameColon is null) || positional.Count + offset > change.Before.Parameters.Count
            || change.Removed.Any(index => index < offset) || change.Added.Any(added => added.Index < offset)
            || change.Retyped.Any(retyped => retyped.Before < offset))
        {
            return null;
        }

        var texts = positional.Select(argument => argument.ToString()).ToList();
        foreach (var index in change.Removed.OrderDescending())
        {
            if (index - offset < texts.Count)
            {
                texts.RemoveAt(index - offset);
            }

            named.RemoveAll(argument => argument.NameColon!.Name.Identifier.ValueText == change.Before.Parameters[index].Name);
        }

        var guessed = false;
        var byName = new List<string>();
        foreach (var (index, parameter) in change.Added)
        {
            if (Value(model, list.SpanStart, method.Parameters[index], parameter, guess, out var isGuess) is not { } value)
            {
                return null;
            }

            guessed |= isGuess;
            if (index - offset <= texts.Count)
            {
                texts.Insert(index - offset, value);
            }
            else
            {
                byName.Add($"{parameter.Name}: {value}");
            }
        }

        foreach (var (before, after) in change.Retyped)
        {
            var name = change.Before.Parameters[before].Name;
            var argument = before - offset < positional.Count ? positional[before - offset] : named.FirstOrDefault(other => other.NameColon!.Name.Identifier.ValueText == name);
            if (argument is null)
            {
                continue;
            }

            if (Converted(model, argument.Expression, method.Parameters[after].Type, cancellationToken) is not { } converted)
            {
                return null;
            }

            if (argument.NameColon is null)
            {
                texts[after - offset] = converted;
            }
            else
            {
                named[named.IndexOf(argument)] = argument.WithExpression(SyntaxFactory.ParseExpression(converted));
            }
        }

        return ([.. texts, .. byName, .. named.Select(argument => argument.ToString())], guessed);
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
