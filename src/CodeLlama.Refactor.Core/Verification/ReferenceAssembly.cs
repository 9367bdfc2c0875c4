using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace CodeLlama.Refactor.Verification;

/// <summary>A compilation's reference assembly: what other projects see of it (its surface, no method bodies).</summary>
internal static class ReferenceAssembly
{
    /// <summary>Emits <paramref name="compilation"/>'s reference assembly, or null when its declarations do not emit.</summary>
    public static byte[]? Emit(Compilation compilation, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream, options: new EmitOptions(metadataOnly: true, includePrivateMembers: false), cancellationToken: cancellationToken);
        return result.Success ? stream.ToArray() : null;
    }
}
