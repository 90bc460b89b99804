using System.Runtime.InteropServices;

namespace Appliance.Mining.Llama.Native;

/// <summary>
/// Process-wide llama.cpp start-up, done once: load the libraries, route logs, load ggml's backend plug-ins
/// (the best CPU variant for this processor, and CUDA when that build is present and a device answers),
/// then llama_backend_init.
/// </summary>
internal static unsafe class LlamaBackend
{
    private static readonly Lazy<LlamaBackendInfo> Initialized = new(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);

    public static LlamaBackendInfo EnsureInitialized() => Initialized.Value;

    private static LlamaBackendInfo Initialize()
    {
        LlamaLibrary.EnsureLoaded();
        LlamaLog.Install();
        GgmlNative.ggml_backend_load_all_from_path(LlamaLibrary.Directory);
        LlamaNative.llama_backend_init();
        var gpu = GgmlNative.ggml_backend_dev_by_type(GgmlNative.DeviceTypeGpu);
        var gpuName = gpu == IntPtr.Zero ? null : Marshal.PtrToStringUTF8((IntPtr)GgmlNative.ggml_backend_dev_description(gpu));
        var systemInfo = Marshal.PtrToStringUTF8((IntPtr)LlamaNative.llama_print_system_info()) ?? "";
        return new LlamaBackendInfo(LlamaLibrary.Variant, gpuName, systemInfo.Trim());
    }
}

/// <summary>What the process's llama.cpp runs on: the library build, the GPU found (null when none), llama's system info.</summary>
internal sealed record LlamaBackendInfo(string Variant, string? GpuName, string SystemInfo)
{
    public bool HasGpu => GpuName is not null;
}
