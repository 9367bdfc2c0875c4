using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLlama.Refactor.Benchmarks;

/// <summary>
/// How this process runs .NET code: a plain build jits Roslyn on the spot (tiered), a platform publish runs it
/// precompiled. Timings of short runs differ by that alone, so every figure says which it was.
/// </summary>
internal static class RuntimeMode
{
    public static string Describe()
    {
        using var stream = File.OpenRead(typeof(CSharpCompilation).Assembly.Location);
        using var reader = new PEReader(stream);
        var precompiled = reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
        var tiered = AppContext.GetData("System.Runtime.TieredCompilation") is not false;
        var pgo = AppContext.GetData("System.Runtime.TieredPGO") is not false;
        return (precompiled ? "Roslyn precompiled (ReadyToRun)" : "Roslyn jitted")
            + (tiered ? ", tiered compilation" + (pgo ? " with dynamic PGO" : " without dynamic PGO") : ", tiering off");
    }
}
