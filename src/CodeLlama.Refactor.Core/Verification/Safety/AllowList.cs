using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Verification.Safety;

/// <summary>
/// The reviewed allow-list of side-effect-free BCL APIs (the embedded <c>AllowList.txt</c>), with the extensions the
/// user's capabilities add. Matched against bound symbols by their containing type's full metadata name, so aliases,
/// <c>using static</c> and extension methods of the same name on other types change nothing.
/// </summary>
public sealed class AllowList
{
    private const string ResourceName = "CodeLlama.Refactor.Verification.Safety.AllowList.txt";

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> Sections = new(ReadSections);
    private static readonly ConcurrentDictionary<string, AllowList> Lists = new(StringComparer.Ordinal);

    private readonly HashSet<string> namespaces = new(StringComparer.Ordinal);
    private readonly HashSet<string> types = new(StringComparer.Ordinal);
    private readonly HashSet<string> members = new(StringComparer.Ordinal);
    private readonly HashSet<string> typesOfMembers = new(StringComparer.Ordinal);

    private AllowList(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.EndsWith(".*", StringComparison.Ordinal))
            {
                namespaces.Add(pattern[..^2]);
            }
            else if (pattern.IndexOf("::", StringComparison.Ordinal) is var split and > 0)
            {
                members.Add(pattern);
                typesOfMembers.Add(pattern[..split]);
            }
            else
            {
                types.Add(pattern);
            }
        }
    }

    /// <summary>The reviewed list alone.</summary>
    public static AllowList Default { get; } = For([]);

    /// <summary>The reviewed list widened by <paramref name="capabilities"/> (<c>--allow-capability</c>, .editorconfig).</summary>
    /// <param name="capabilities">The capabilities the user allows; reflection and native code add nothing.</param>
    /// <returns>The list.</returns>
    public static AllowList For(IEnumerable<Capability> capabilities)
    {
        // One list per set of capabilities, so that what is cached per list is shared by every candidate of the run.
        var words = capabilities.Select(capability => capability.Word()).Distinct().Order(StringComparer.Ordinal).ToList();
        return Lists.GetOrAdd(string.Join(',', words), _ => new AllowList(Sections.Value[""].Concat(words.SelectMany(word => Sections.Value.GetValueOrDefault(word) ?? []))));
    }

    /// <summary>Whether the type <paramref name="type"/> (its original definition) may be named.</summary>
    /// <param name="type">A named type from metadata.</param>
    /// <returns>True when listed, or nested in a listed type, or in a listed namespace.</returns>
    public bool AllowsType(INamedTypeSymbol type)
    {
        var outermost = type.OriginalDefinition;
        while (outermost.ContainingType is { } outer)
        {
            if (IsListed(FullName(outermost)))
            {
                return true;
            }

            outermost = outer;
        }

        return IsListed(FullName(outermost)) || namespaces.Contains(outermost.ContainingNamespace?.ToDisplayString() ?? "");
    }

    /// <summary>Whether the member <paramref name="member"/> (its original definition) may be used.</summary>
    /// <param name="member">A method, property, field or event of a type from metadata.</param>
    /// <returns>True when its type is listed whole, or the member itself is.</returns>
    public bool AllowsMember(ISymbol member)
    {
        if (member.ContainingType is not { } type)
        {
            return false;
        }

        var name = member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? ".ctor" : Name(member);
        return members.Contains(FullName(type.OriginalDefinition) + "::" + name)
            || (!typesOfMembers.Contains(FullName(type.OriginalDefinition)) && AllowsType(type));
    }

    /// <summary>A type's full metadata name, e.g. <c>System.Collections.Generic.List`1</c> or <c>Outer`1.Inner</c>.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The name.</returns>
    public static string FullName(INamedTypeSymbol type) =>
        type.ContainingType is { } outer ? FullName(outer) + "." + type.MetadataName
        : type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName
        : type.MetadataName;

    // A property's or event's accessors count as the property or event.
    private static string Name(ISymbol member) => member is IMethodSymbol { AssociatedSymbol: { } associated } ? associated.Name : member.Name;

    private bool IsListed(string fullName) => types.Contains(fullName) || typesOfMembers.Contains(fullName);

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadSections()
    {
        using var stream = typeof(AllowList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The allow-list resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal) { [""] = [] };
        var current = sections[""];
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            if (text.StartsWith('[') && text.EndsWith(']'))
            {
                current = sections[text[1..^1]] = [];
                continue;
            }

            current.Add(text);
        }

        return sections.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal);
    }
}
