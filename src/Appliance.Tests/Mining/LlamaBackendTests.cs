using Appliance.Mining.Llama;

namespace Appliance.Tests.Mining;

/// <summary>The llama.cpp library LLamaSharp picks on this machine: a CPU build (no GPU here), and llama's own report of it.</summary>
public sealed class LlamaBackendTests
{
    [Fact]
    public void Backend_OnThisMachine_IsLLamaSharpsCpuBuildForThisProcessor()
    {
        var backend = LlamaBackendInfo.Current;
        Assert.Matches("^cpu-(noavx|avx|avx2|avx512)$", backend.Variant);
        Assert.False(backend.OffloadsToGpu);
        Assert.Contains("CPU", backend.SystemInfo, StringComparison.Ordinal);
        Assert.Equal($"{backend.Variant} (no GPU: layers on the CPU)", backend.Describe());
    }
}
