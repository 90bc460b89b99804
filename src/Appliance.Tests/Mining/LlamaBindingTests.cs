using System.Runtime.CompilerServices;
using Appliance.Mining.Llama.Native;

namespace Appliance.Tests.Mining;

/// <summary>
/// Our structs against the pinned llama.h (node-llama-cpp 3.22.1's llama.cpp): sizes as the C compiler lays
/// them out on x64, and llama's own default parameters read back through them as the values llama.cpp
/// documents — a shifted field would read a neighbour's value.
/// </summary>
public sealed class LlamaBindingTests
{
    public LlamaBindingTests() => LlamaBackend.EnsureInitialized();

    [Fact]
    public void Structs_HaveTheSizesOfLlamaH()
    {
        Assert.Equal(80, Unsafe.SizeOf<LlamaModelParams>());
        Assert.Equal(160, Unsafe.SizeOf<LlamaContextParams>());
        Assert.Equal(56, Unsafe.SizeOf<LlamaBatch>());
        Assert.Equal(1, Unsafe.SizeOf<LlamaSamplerChainParams>());
    }

    [Fact]
    public void ModelDefaults_ReadBackLlamaCppsValues()
    {
        var defaults = LlamaNative.llama_model_default_params();
        Assert.Equal(IntPtr.Zero, defaults.Devices);
        Assert.Equal(-1, defaults.GpuLayerCount);
        Assert.Equal(1, defaults.SplitMode);
        Assert.Equal(0, defaults.MainGpu);
        Assert.Equal(IntPtr.Zero, defaults.ProgressCallback);
        Assert.False(defaults.VocabOnly);
        Assert.False(defaults.CheckTensors);
        Assert.True(defaults.UseExtraBufferTypes);
        Assert.False(defaults.NoHost);
        Assert.False(defaults.NoAlloc);
    }

    [Fact]
    public void ContextDefaults_ReadBackLlamaCppsValues()
    {
        var defaults = LlamaNative.llama_context_default_params();
        Assert.Equal(512u, defaults.ContextSize);
        Assert.Equal(2048u, defaults.BatchSize);
        Assert.Equal(512u, defaults.MicroBatchSize);
        Assert.Equal(1u, defaults.MaxSequences);
        Assert.Equal(4, defaults.Threads);
        Assert.Equal(4, defaults.BatchThreads);
        Assert.Equal(-1, defaults.RopeScalingType);
        Assert.Equal(-1, defaults.PoolingType);
        Assert.Equal(-1, defaults.FlashAttentionType);
        Assert.Equal(0f, defaults.RopeFrequencyBase);
        Assert.Equal(0u, defaults.MaxOutputs);
        Assert.Equal(1u, defaults.MaxOutputsPerSequence);
        Assert.Equal(-1f, defaults.YarnExtensionFactor);
        Assert.Equal(-1f, defaults.YarnBetaSlow);
        Assert.Equal(0u, defaults.YarnOriginalContext);
        Assert.Equal(-1f, defaults.DefragThreshold);
        Assert.Equal(1, defaults.TypeK);
        Assert.Equal(1, defaults.TypeV);
        Assert.False(defaults.Embeddings);
        Assert.True(defaults.OffloadKqv);
        Assert.True(defaults.NoPerf);
        Assert.True(defaults.OpOffload);
        Assert.True(defaults.SwaFull);
        Assert.False(defaults.KvUnified);
        Assert.Equal(IntPtr.Zero, defaults.Samplers);
        Assert.Equal(0u, defaults.SamplerCount);
        Assert.Equal(IntPtr.Zero, defaults.OtherContext);
    }

    [Fact]
    public void Backend_OnThisMachine_RunsOnTheCpuBuild()
    {
        var backend = LlamaBackend.EnsureInitialized();
        Assert.Contains(backend.Variant, new[] { "cpu", "cuda" });
        Assert.Contains("CPU", backend.SystemInfo, StringComparison.Ordinal);
    }
}
