using System.Runtime.InteropServices;

namespace Appliance.Mining.Llama.Native;

/// <summary>llama.h: parameter defaults, backend initialisation, logging, capabilities.</summary>
internal static unsafe partial class LlamaNative
{
    internal const string Llama = "llama";

    [LibraryImport(Llama)]
    internal static partial LlamaModelParams llama_model_default_params();

    [LibraryImport(Llama)]
    internal static partial LlamaContextParams llama_context_default_params();

    [LibraryImport(Llama)]
    internal static partial LlamaSamplerChainParams llama_sampler_chain_default_params();

    [LibraryImport(Llama)]
    internal static partial void llama_backend_init();

    [LibraryImport(Llama)]
    internal static partial void llama_log_set(delegate* unmanaged[Cdecl]<int, byte*, IntPtr, void> callback, IntPtr userData);

    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool llama_supports_gpu_offload();

    [LibraryImport(Llama)]
    internal static partial byte* llama_print_system_info();
}
