using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>
/// What an assembly holds, as far as running it is concerned: its types, their members with the size of each method's
/// body, its manifest resources and the assemblies it references. Two builds of the same code that differ in this were
/// not made by the same steps — a build step rewrote the output (IL weaving, merged or added types, changed
/// resources) — and so the compiler alone cannot stand in for that build. Paths, timestamps and the order of strings,
/// which differ between two folders, are left out.
/// </summary>
internal sealed record AssemblyShape(string Name, IReadOnlyList<string> Members, IReadOnlyList<string> Resources, IReadOnlyList<string> References)
{
    public static AssemblyShape Of(Stream pe) => Of(pe, null);

    /// <summary>
    /// The shape of <paramref name="pe"/> without the types declared at the top level under the metadata names in
    /// <paramref name="leftOut"/> (with the types nested in them), and, when any is left out, without the top-level
    /// types the compiler makes for code anywhere (&lt;PrivateImplementationDetails&gt;, anonymous types).
    /// </summary>
    /// <param name="pe">The assembly.</param>
    /// <param name="leftOut">
    /// Full metadata names of top-level types (<c>Namespace.Name`1</c>), or null for none. When not null, the shape is
    /// compared with another compiler's build, and the size of the code a compiler generates is left out.
    /// </param>
    public static AssemblyShape Of(Stream pe, IReadOnlySet<string>? leftOut)
    {
        using var reader = new PEReader(pe, PEStreamOptions.LeaveOpen);
        var metadata = reader.GetMetadataReader();
        var members = new List<string>();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            var outermost = type;
            var typeName = metadata.GetString(type.Name);
            while (outermost.GetDeclaringType() is { IsNil: false } declaring)
            {
                outermost = metadata.GetTypeDefinition(declaring);
                typeName = $"{metadata.GetString(outermost.Name)}+{typeName}";
            }

            var topLevel = $"{metadata.GetString(outermost.Namespace)}.{metadata.GetString(outermost.Name)}".TrimStart('.');
            if (leftOut is { Count: > 0 } && (leftOut.Contains(topLevel) || metadata.GetString(outermost.Name).StartsWith('<')))
            {
                continue;
            }

            typeName = $"{metadata.GetString(outermost.Namespace)}.{typeName}";
            members.Add(typeName);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                var methodName = metadata.GetString(method.Name);
                // Against another compiler's build, the code a compiler generates (lambdas, state machines) may differ
                // in size from one version to the next; whether it is there still counts.
                var size = method.RelativeVirtualAddress == 0 || (leftOut is not null && (methodName.StartsWith('<') || typeName.Contains('<', StringComparison.Ordinal)))
                    ? 0 : reader.GetMethodBody(method.RelativeVirtualAddress).Size;
                members.Add($"{typeName}::{methodName}/{method.GetParameters().Count}:{size}");
            }

            members.AddRange(type.GetFields().Select(field => $"{typeName}:{metadata.GetString(metadata.GetFieldDefinition(field).Name)}"));
        }

        var resources = metadata.ManifestResources.Select(handle => metadata.GetString(metadata.GetManifestResource(handle).Name)).ToList();
        var references = metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => $"{metadata.GetString(reference.Name)}/{reference.Version}").ToList();
        var name = metadata.IsAssembly ? Identity(metadata, metadata.GetAssemblyDefinition()) : "module";
        members.Sort(StringComparer.Ordinal);
        resources.Sort(StringComparer.Ordinal);
        references.Sort(StringComparer.Ordinal);
        return new AssemblyShape(name, members, resources, references);
    }

    // The name, version and public key: a strong-name key the build signs with and the compilation lacks differs here.
    private static string Identity(MetadataReader metadata, AssemblyDefinition assembly) =>
        $"{metadata.GetString(assembly.Name)}/{assembly.Version}/{Convert.ToHexString(metadata.GetBlobBytes(assembly.PublicKey))}";

    /// <summary>The first difference from <paramref name="built"/>, in words, or null when there is none.</summary>
    public string? DifferenceFrom(AssemblyShape built)
    {
        if (Name != built.Name)
        {
            return $"the build names it {built.Name}, the compiler {Name}";
        }

        return First(built.Members, Members, "member") ?? First(built.Resources, Resources, "resource") ?? First(built.References, References, "reference");
    }

    private static string? First(IReadOnlyList<string> built, IReadOnlyList<string> emitted, string what)
    {
        var onlyBuilt = built.Except(emitted, StringComparer.Ordinal).FirstOrDefault();
        if (onlyBuilt is not null)
        {
            return $"the build's output has a {what} the compiler does not emit ({onlyBuilt})";
        }

        var onlyEmitted = emitted.Except(built, StringComparer.Ordinal).FirstOrDefault();
        return onlyEmitted is null ? null : $"the compiler emits a {what} the build's output lacks ({onlyEmitted})";
    }
}
