using System.Runtime.InteropServices;

namespace Appliance.Mining.Llama.Native;

/// <summary>typedef struct llama_batch of the pinned llama.h (56 bytes on x64): arrays owned by llama_batch_init.</summary>
[StructLayout(LayoutKind.Explicit, Size = 56)]
internal unsafe struct LlamaBatch
{
    [FieldOffset(0)] public int TokenCount;
    [FieldOffset(8)] public int* Token;
    [FieldOffset(16)] public float* Embedding;
    [FieldOffset(24)] public int* Position;
    [FieldOffset(32)] public int* SequenceIdCount;
    [FieldOffset(40)] public int** SequenceId;
    [FieldOffset(48)] public sbyte* Logits;
}
