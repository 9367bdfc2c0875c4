using System.Collections.Concurrent;
using System.Xml;
using Microsoft.CodeAnalysis;

namespace CodeLlama.Refactor.Documentation;

/// <summary>
/// Whether a member of a referenced assembly is documented: its XML documentation file, beside the assembly, has an
/// entry for it. The file is read once per process, for the names of the members it documents only.
/// </summary>
/// <remarks>
/// The question Roslyn answers through <see cref="ISymbol.GetDocumentationCommentXml"/> costs its provider a parse of
/// the whole file into the text of every comment, once per project loaded: about a second for the framework's
/// <c>System.Runtime.xml</c>. The answer is the same: the provider gives a member's whole element, so a member is
/// documented when the file has an element for it, even an empty one. Where no file lies beside the assembly, the
/// question goes to Roslyn.
/// </remarks>
internal static class MetadataDocumentation
{
    private static readonly ConcurrentDictionary<(string Path, DateTime Written), Lazy<IReadOnlySet<string>>> Files = new();

    /// <summary>Whether <paramref name="symbol"/>, declared in a referenced assembly, has a documentation comment.</summary>
    /// <param name="symbol">A symbol from metadata.</param>
    /// <param name="compilation">A compilation that references its assembly.</param>
    /// <returns>True when it is documented.</returns>
    public static bool IsDocumented(ISymbol symbol, Compilation compilation)
    {
        var definition = symbol.OriginalDefinition;
        if (definition.ContainingAssembly is { } assembly
            && compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } assemblyPath }
            && definition.GetDocumentationCommentId() is { } id
            && DocumentedNames(Path.ChangeExtension(assemblyPath, ".xml")) is { } names)
        {
            return names.Contains(id);
        }

        return !string.IsNullOrWhiteSpace(symbol.GetDocumentationCommentXml());
    }

    private static IReadOnlySet<string>? DocumentedNames(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return Files.GetOrAdd((path, File.GetLastWriteTimeUtc(path)), key => new Lazy<IReadOnlySet<string>>(() => Read(key.Path))).Value;
    }

    // The names of the member elements. A file that is not well-formed XML documents nothing, as for Roslyn's provider.
    private static IReadOnlySet<string> Read(string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "member" && reader.GetAttribute("name") is { } name)
                {
                    names.Add(name);
                }
            }
        }
        catch (XmlException)
        {
            return new HashSet<string>();
        }

        return names;
    }
}
