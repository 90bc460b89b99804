using System.Runtime.InteropServices;

namespace Appliance.Mining.Llama.Native;

/// <summary>llama.h: contexts, their memory (KV cache) and decoding.</summary>
internal static partial class LlamaNative
{
    [LibraryImport(Llama)]
    internal static partial IntPtr llama_init_from_model(SafeLlamaModelHandle model, LlamaContextParams parameters);

    [LibraryImport(Llama)]
    internal static partial void llama_free(IntPtr context);

    [LibraryImport(Llama)]
    internal static partial uint llama_n_ctx(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    internal static partial uint llama_n_batch(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    internal static partial uint llama_n_seq_max(SafeLlamaContextHandle context);

    [LibraryImport(Llama)]
    internal static partial IntPtr llama_get_memory(SafeLlamaContextHandle context);

    /// <summary>Removes positions [p0, p1) of a sequence; negative bounds mean open-ended.</summary>
    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool llama_memory_seq_rm(IntPtr memory, int sequence, int p0, int p1);

    /// <summary>0 success, 1 no KV slot for the batch, 2 aborted, negative an error.</summary>
    [LibraryImport(Llama)]
    internal static partial int llama_decode(SafeLlamaContextHandle context, LlamaBatch batch);
}
