using System.Runtime.InteropServices;

namespace Appliance.Mining.Llama.Native;

/// <summary>llama.h: batches of tokens for llama_decode.</summary>
internal static partial class LlamaNative
{
    [LibraryImport(Llama)]
    internal static partial LlamaBatch llama_batch_init(int tokenCount, int embedding, int maxSequencesPerToken);

    [LibraryImport(Llama)]
    internal static partial void llama_batch_free(LlamaBatch batch);
}
