using System.Runtime.InteropServices;

namespace Appliance.Mining.Llama.Native;

/// <summary>
/// struct llama_context_params of the pinned llama.h (160 bytes on x64). Start from
/// <see cref="LlamaNative.llama_context_default_params"/>; C bools are sbyte fields behind bool properties.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 160)]
internal struct LlamaContextParams
{
    /// <summary>Text context of the whole context: shared by the sequences (split between them unless kv_unified).</summary>
    [FieldOffset(0)] public uint ContextSize;
    /// <summary>Most tokens one llama_decode accepts.</summary>
    [FieldOffset(4)] public uint BatchSize;
    [FieldOffset(8)] public uint MicroBatchSize;
    [FieldOffset(12)] public uint MaxSequences;
    [FieldOffset(16)] public uint RecurrentStateSnapshots;
    [FieldOffset(20)] public uint MaxOutputs;
    [FieldOffset(24)] public uint MaxOutputsPerSequence;
    [FieldOffset(28)] public int Threads;
    [FieldOffset(32)] public int BatchThreads;
    [FieldOffset(36)] public int ContextType;
    [FieldOffset(40)] public int RopeScalingType;
    [FieldOffset(44)] public int PoolingType;
    [FieldOffset(48)] public int AttentionType;
    [FieldOffset(52)] public int FlashAttentionType;
    [FieldOffset(56)] public float RopeFrequencyBase;
    [FieldOffset(60)] public float RopeFrequencyScale;
    [FieldOffset(64)] public float YarnExtensionFactor;
    [FieldOffset(68)] public float YarnAttentionFactor;
    [FieldOffset(72)] public float YarnBetaFast;
    [FieldOffset(76)] public float YarnBetaSlow;
    [FieldOffset(80)] public uint YarnOriginalContext;
    [FieldOffset(84)] public float DefragThreshold;
    [FieldOffset(88)] public IntPtr EvalCallback;
    [FieldOffset(96)] public IntPtr EvalCallbackUserData;
    [FieldOffset(104)] public int TypeK;
    [FieldOffset(108)] public int TypeV;
    [FieldOffset(112)] public IntPtr AbortCallback;
    [FieldOffset(120)] public IntPtr AbortCallbackData;
    [FieldOffset(128)] private sbyte embeddings;
    [FieldOffset(129)] private sbyte offloadKqv;
    [FieldOffset(130)] private sbyte noPerf;
    [FieldOffset(131)] private sbyte opOffload;
    [FieldOffset(132)] private sbyte swaFull;
    [FieldOffset(133)] private sbyte kvUnified;
    [FieldOffset(136)] public IntPtr Samplers;
    [FieldOffset(144)] public nuint SamplerCount;
    [FieldOffset(152)] public IntPtr OtherContext;

    public bool Embeddings { readonly get => embeddings != 0; set => embeddings = value ? (sbyte)1 : (sbyte)0; }
    public bool OffloadKqv { readonly get => offloadKqv != 0; set => offloadKqv = value ? (sbyte)1 : (sbyte)0; }
    public bool NoPerf { readonly get => noPerf != 0; set => noPerf = value ? (sbyte)1 : (sbyte)0; }
    public bool OpOffload { readonly get => opOffload != 0; set => opOffload = value ? (sbyte)1 : (sbyte)0; }
    public bool SwaFull { readonly get => swaFull != 0; set => swaFull = value ? (sbyte)1 : (sbyte)0; }
    public bool KvUnified { readonly get => kvUnified != 0; set => kvUnified = value ? (sbyte)1 : (sbyte)0; }
}
