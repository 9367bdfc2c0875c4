namespace CodeLlama.Refactor.LLama.Tests;

public sealed class GpuOffloadTests
{
    [Fact]
    public void By_default_every_layer_goes_to_the_gpu_when_the_backend_can_offload() =>
        Assert.Equal(33, GpuOffload.Resolve(requested: null, backendSupportsGpu: true, layerCount: 32));

    [Fact]
    public void By_default_nothing_is_offloaded_with_the_cpu_backend() =>
        Assert.Equal(0, GpuOffload.Resolve(requested: null, backendSupportsGpu: false, layerCount: 32));

    [Fact]
    public void A_requested_count_is_kept_and_capped_at_the_models_layers()
    {
        Assert.Equal(10, GpuOffload.Resolve(10, backendSupportsGpu: true, layerCount: 32));
        Assert.Equal(33, GpuOffload.Resolve(100, backendSupportsGpu: true, layerCount: 32));
    }

    [Fact]
    public void Asking_for_gpu_layers_without_a_gpu_backend_is_refused_with_how_to_get_one()
    {
        var exception = Assert.Throws<InputException>(() => GpuOffload.Resolve(8, backendSupportsGpu: false, layerCount: 32));

        Assert.Contains("-p:LlamaBackend=Cuda12", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_layers_is_always_allowed() => Assert.Equal(0, GpuOffload.Resolve(0, backendSupportsGpu: false, layerCount: 32));
}
