using LLama.Native;

namespace CodeLlama.Refactor.LLama;

/// <summary>
/// Points LLamaSharp at a llama.cpp build of the user's own (e.g. one with CUDA, where the feed serves no
/// LLamaSharp.Backend.Cuda12) instead of the bundled CPU backend. It must run before any native call: once llama.cpp
/// is loaded, the process keeps it.
/// </summary>
public static class NativeBackend
{
    /// <summary>The environment variable that names the folder when <c>--llama-native</c> is not given.</summary>
    public const string EnvironmentVariable = "CODELLAMA_REFACTOR_LLAMA_NATIVE";

    private static readonly Lock Gate = new();
    private static string? configured;

    /// <summary>The llama.cpp shared library's file name on this platform.</summary>
    public static string LibraryFileName =>
        OperatingSystem.IsWindows() ? "llama.dll" : OperatingSystem.IsMacOS() ? "libllama.dylib" : "libllama.so";

    /// <summary>The folder whose llama.cpp this process uses, or null for the bundled backend.</summary>
    public static string? Folder
    {
        get
        {
            lock (Gate)
            {
                return configured;
            }
        }
    }

    /// <summary>Uses the llama.cpp shared library in <paramref name="folder"/> for every later native call.</summary>
    /// <param name="folder">The build's library folder (llama.cpp's <c>build/bin</c>).</param>
    /// <exception cref="InputException">The folder or its library is missing, or llama.cpp was loaded already.</exception>
    public static void Use(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new InputException($"The llama.cpp folder '{folder}' does not exist; pass the folder that holds {LibraryFileName} (llama.cpp's build/bin).");
        }

        var library = Path.Combine(full, LibraryFileName);
        if (!File.Exists(library))
        {
            throw new InputException(
                $"The llama.cpp folder '{folder}' has no {LibraryFileName}; build llama.cpp with -DBUILD_SHARED_LIBS=ON and pass the folder it wrote the library to (build/bin).");
        }

        lock (Gate)
        {
            if (string.Equals(configured, full, StringComparison.Ordinal))
            {
                return;
            }

            if (NativeLibraryConfig.LLama.LibraryHasLoaded)
            {
                throw new InputException($"llama.cpp is loaded already in this process; '{folder}' can only be chosen before the first model is loaded.");
            }

            NativeLibraryConfig.LLama.WithLibrary(library);
            var multimodal = Path.Combine(full, Path.GetFileName(library).Replace("llama", "mtmd", StringComparison.Ordinal));
            if (File.Exists(multimodal))
            {
                NativeLibraryConfig.Mtmd.WithLibrary(multimodal);
            }

            configured = full;
        }
    }
}
