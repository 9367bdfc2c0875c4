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
        var tiered = Setting("System.Runtime.TieredCompilation", defaultValue: true);
        var pgo = Setting("System.Runtime.TieredPGO", defaultValue: true);
        return (precompiled ? "Roslyn precompiled (ReadyToRun)" : "Roslyn jitted")
            + (tiered ? ", tiered compilation" + (pgo ? " with dynamic PGO" : " without dynamic PGO") : ", tiering off");
    }

    // runtimeconfig.json settings arrive as strings.
    private static bool Setting(string name, bool defaultValue) => AppContext.GetData(name) switch
    {
        bool value => value,
        string text when bool.TryParse(text, out var value) => value,
        _ => defaultValue,
    };
}
