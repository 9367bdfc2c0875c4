namespace CodeLlama.Refactor.LLama;

/// <summary>Decides how many layers go to the GPU.</summary>
internal static class GpuOffload
{
    /// <summary>The layer count to offload.</summary>
    /// <param name="requested">--gpu-layers, or null for the default.</param>
    /// <param name="backendSupportsGpu">Whether the loaded llama.cpp backend can offload (the CUDA one can, the CPU one cannot).</param>
    /// <param name="layerCount">The model's block count, when known.</param>
    /// <returns>All layers by default with a GPU backend, none without; the requested count otherwise.</returns>
    /// <exception cref="InputException">Layers were asked for, but the backend cannot offload.</exception>
    public static int Resolve(int? requested, bool backendSupportsGpu, long? layerCount)
    {
        var all = (int)Math.Min(int.MaxValue, (layerCount ?? 998) + 1); // + 1: llama.cpp counts the output layer too
        return requested switch
        {
            null => backendSupportsGpu ? all : 0,
            < 0 => throw new InputException($"--gpu-layers must be 0 or more, not {requested}."),
            0 => 0,
            _ when !backendSupportsGpu => throw new InputException(
                $"--gpu-layers {requested} needs a GPU backend, but this build has the CPU backend only. Build with "
                + "-p:LlamaBackend=Cuda12 on a machine whose NuGet feed serves LLamaSharp.Backend.Cuda12, or pass --gpu-layers 0."),
            _ => Math.Min(requested.Value, all),
        };
    }
}
