using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace CodeLlama.Refactor.Verification.Testing;

/// <summary>
/// What the build of a project wrote that an emit of its compilation must reproduce: the manifest resources (which
/// MSBuild compiles from .resx and other items, and Roslyn's project does not hold) and how the debug information is
/// kept (a .pdb beside it, embedded, or none).
/// </summary>
internal sealed record BuiltAssembly(string Path, IReadOnlyList<ResourceDescription> Resources, DebugInformationFormat? DebugFormat, string? PdbPath)
{
    /// <summary>Whether the build marked the image for a high-entropy address space (MSBuild's <c>HighEntropyVA</c>, on by default).</summary>
    public bool HighEntropyVirtualAddressSpace { get; init; }

    /// <summary>Reads the built assembly at <paramref name="path"/>; null with a reason when it cannot stand for the build.</summary>
    public static (BuiltAssembly? Built, string? Reason) Read(string path)
    {
        if (!File.Exists(path))
        {
            return (null, $"its build output {System.IO.Path.GetFileName(path)} is not where the project says it is");
        }

        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        var resources = new List<ResourceDescription>();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil)
            {
                return (null, "it links resources from other files");
            }

            var data = ResourceData(reader, resource.Offset);
            var isPublic = (resource.Attributes & ManifestResourceAttributes.VisibilityMask) == ManifestResourceAttributes.Public;
            resources.Add(new ResourceDescription(metadata.GetString(resource.Name), () => new MemoryStream(data, writable: false), isPublic));
        }

        var highEntropy = reader.PEHeaders.PEHeader!.DllCharacteristics.HasFlag(DllCharacteristics.HighEntropyVirtualAddressSpace);
        var debug = reader.ReadDebugDirectory();
        if (debug.Any(entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb))
        {
            return (new BuiltAssembly(path, resources, DebugInformationFormat.Embedded, null) { HighEntropyVirtualAddressSpace = highEntropy }, null);
        }

        var codeView = debug.FirstOrDefault(entry => entry.Type == DebugDirectoryEntryType.CodeView);
        if (codeView.Type == DebugDirectoryEntryType.CodeView && codeView.IsPortableCodeView)
        {
            var pdbName = System.IO.Path.GetFileName(reader.ReadCodeViewDebugDirectoryData(codeView).Path);
            var pdbPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, pdbName);
            return (new BuiltAssembly(path, resources, DebugInformationFormat.PortablePdb, File.Exists(pdbPath) ? pdbPath : null) { HighEntropyVirtualAddressSpace = highEntropy }, null);
        }

        return codeView.Type == DebugDirectoryEntryType.CodeView
            ? (null, "its debug information is not a portable PDB")
            : (new BuiltAssembly(path, resources, null, null) { HighEntropyVirtualAddressSpace = highEntropy }, null);
    }

    private static byte[] ResourceData(PEReader reader, long offset)
    {
        var directory = reader.PEHeaders.CorHeader!.ResourcesDirectory;
        var block = reader.GetSectionData(directory.RelativeVirtualAddress + (int)offset);
        var blob = block.GetReader();
        var length = blob.ReadInt32();
        return blob.ReadBytes(length);
    }
}
