using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeLlama.Refactor.Candidates.Refactoring;

/// <summary>
/// Reads which method declarations a change altered, from a file's text before and after it: syntax only, so that the
/// evidence does not depend on either version compiling. A method whose name went away while one with its signature
/// appeared in the same type was renamed; one kept by name was re-signed (among overloads, the one left over when the
/// others pair with their unchanged selves).
/// </summary>
internal static class ChangeReader
{
    /// <summary>The declarations changed between <paramref name="before"/> and <paramref name="after"/>.</summary>
    /// <param name="before">The file at the base of the change; null for a file the change added.</param>
    /// <param name="after">The file now.</param>
    /// <returns>The changed declarations, in the order of <paramref name="after"/>.</returns>
    public static IReadOnlyList<DeclarationChange> Read(string? before, string after)
    {
        if (before is null)
        {
            return [];
        }

        var old = Methods(before).ToLookup(method => method.TypeName);
        var changes = new List<DeclarationChange>();
        foreach (var type in Methods(after).GroupBy(method => method.TypeName))
        {
            var was = old[type.Key].ToList();
            var now = type.ToList();
            var gone = was.Where(method => !now.Any(other => other.Name == method.Name)).ToList();
            var appeared = now.Where(method => !was.Any(other => other.Name == method.Name)).ToList();
            foreach (var name in now.Select(method => method.Name).Distinct())
            {
                // Overloads the change left as they were pair with themselves; the one left on each side was re-signed.
                var oldOverloads = was.Where(other => other.Name == name).ToList();
                var newOverloads = now.Where(other => other.Name == name).ToList();
                foreach (var overload in oldOverloads.ToList())
                {
                    if (newOverloads.FindIndex(other => Unchanged(overload, other)) is var same and >= 0)
                    {
                        newOverloads.RemoveAt(same);
                        oldOverloads.Remove(overload);
                    }
                }

                if (oldOverloads is [var single] && newOverloads is [var method] && Compare(single, method) is not DeclarationChangeKinds.None and var kinds)
                {
                    changes.Add(new DeclarationChange(kinds, single, method));
                }
            }

            foreach (var method in appeared)
            {
                // A rename keeps the signature; when one method went and one came, it is a rename whatever else changed.
                var renamedFrom = gone.Where(other => Compare(other, method) == DeclarationChangeKinds.None).ToList() is [var same] ? same
                    : gone.Count == 1 && appeared.Count == 1 ? gone[0]
                    : null;
                if (renamedFrom is not null)
                {
                    changes.Add(new DeclarationChange(DeclarationChangeKinds.Renamed | Compare(renamedFrom, method), renamedFrom, method));
                }
            }
        }

        return changes;
    }

    private static bool Unchanged(MethodShape before, MethodShape after) =>
        before.ReturnType == after.ReturnType
        && before.Parameters.Select(parameter => (parameter.Type, parameter.Name)).SequenceEqual(after.Parameters.Select(parameter => (parameter.Type, parameter.Name)));

    // What differs in the signatures of two versions of a method, the name aside.
    private static DeclarationChangeKinds Compare(MethodShape before, MethodShape after)
    {
        var kinds = before.ReturnType == after.ReturnType ? DeclarationChangeKinds.None : DeclarationChangeKinds.ReturnTypeChanged;
        var oldNames = before.Parameters.Select(parameter => parameter.Name).ToList();
        var newNames = after.Parameters.Select(parameter => parameter.Name).ToList();
        if (newNames.Count > oldNames.Count && oldNames.All(newNames.Contains))
        {
            kinds |= DeclarationChangeKinds.ParameterAdded;
        }
        else if (newNames.Count < oldNames.Count && newNames.All(oldNames.Contains))
        {
            kinds |= DeclarationChangeKinds.ParameterRemoved;
        }

        var retyped = before.Parameters.Any(old => after.Parameters.Any(now => now.Name == old.Name && now.Type != old.Type));
        var sameCountRetyped = newNames.Count == oldNames.Count && before.Parameters.Zip(after.Parameters).Any(pair => pair.First.Type != pair.Second.Type);
        return retyped || (sameCountRetyped && kinds == DeclarationChangeKinds.None) ? kinds | DeclarationChangeKinds.ParameterRetyped : kinds;
    }

    private static IEnumerable<MethodShape> Methods(string text)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
        {
            if (method.Parent is not TypeDeclarationSyntax type || method.ExplicitInterfaceSpecifier is not null)
            {
                continue;
            }

            yield return Shape(method, type);
        }
    }

    /// <summary>The shape of <paramref name="method"/>, declared in <paramref name="type"/>.</summary>
    public static MethodShape Shape(MethodDeclarationSyntax method, TypeDeclarationSyntax type) => new(
        TypeName(type),
        type is InterfaceDeclarationSyntax,
        method.Identifier.ValueText,
        Normal(method.ReturnType),
        [.. method.ParameterList.Parameters.Select(parameter => new ParameterShape(
            parameter.Type is null ? "" : Normal(parameter.Type), parameter.Identifier.ValueText, parameter.Default?.Value.ToString()))],
        method.ParameterList.ToString());

    private static string Normal(SyntaxNode node) => node.WithoutTrivia().NormalizeWhitespace().ToString();

    /// <summary>The namespace-qualified name of <paramref name="type"/>, nested types joined by dots, as <see cref="MethodShape.TypeName"/> has it.</summary>
    public static string TypeName(TypeDeclarationSyntax type)
    {
        var names = type.AncestorsAndSelf().Select(node => node switch
        {
            BaseTypeDeclarationSyntax declared => declared.Identifier.ValueText,
            BaseNamespaceDeclarationSyntax space => space.Name.ToString(),
            _ => null,
        }).OfType<string>().Reverse();
        return string.Join('.', names);
    }
}
