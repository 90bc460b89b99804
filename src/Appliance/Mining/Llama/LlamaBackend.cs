using System.Runtime.InteropServices;
using LLama.Exceptions;
using LLama.Native;

namespace Appliance.Mining.Llama;

/// <summary>
/// Process-wide llama.cpp start-up, done once by LLamaSharp: its NativeLibraryConfig picks the library (the
/// CUDA 12 build when LLamaSharp.Backend.Cuda12 is referenced and a driver answers, else the CPU build for this
/// processor's best of avx512/avx2/avx/noavx), loads it and runs llama_backend_init. We read back what loaded.
/// </summary>
internal static class LlamaBackend
{
    private static readonly Lazy<LlamaBackendInfo> Initialized = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    public static LlamaBackendInfo EnsureInitialized() => Initialized.Value;

    private static LlamaBackendInfo Initialize()
    {
        bool gpuOffload;
        try
        {
            NativeLibraryConfig.All.WithLogCallback(LlamaLog.Callback);
            gpuOffload = NativeApi.llama_supports_gpu_offload();
        }
        catch (TypeInitializationException e) when (e.InnerException is RuntimeError)
        {
            throw new LlamaException(
                "BackendLoadFailed: LLamaSharp found no llama.cpp library that loads here (the build copies them from the LLamaSharp.Backend.* packages into runtimes/).");
        }
        var loaded = NativeApi.GetLoadedNativeLibrary(NativeLibraryName.LLama)?.Metadata;
        var variant = loaded switch
        {
            null => "unknown",
            { UseCuda: true } => "cuda12",
            { UseVulkan: true } => "vulkan",
            _ => $"cpu-{loaded.AvxLevel.ToString().ToLowerInvariant()}",
        };
        var systemInfo = Marshal.PtrToStringUTF8(NativeApi.llama_print_system_info()) ?? "";
        return new LlamaBackendInfo(variant, gpuOffload && loaded is { UseCuda: true } or { UseVulkan: true }, systemInfo.Trim());
    }
}
