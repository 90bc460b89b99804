using System.Runtime.InteropServices;

namespace Appliance.Mining.Llama.Native;

/// <summary>
/// struct llama_model_params of the pinned llama.h (80 bytes on x64). Start from
/// <see cref="LlamaNative.llama_model_default_params"/>; C bools are sbyte fields behind bool properties.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 80)]
internal struct LlamaModelParams
{
    [FieldOffset(0)] public IntPtr Devices;
    [FieldOffset(8)] public IntPtr TensorBufferOverrides;
    /// <summary>Layers stored in VRAM; negative means all.</summary>
    [FieldOffset(16)] public int GpuLayerCount;
    [FieldOffset(20)] public int SplitMode;
    [FieldOffset(24)] public int LoadMode;
    [FieldOffset(28)] public int LazyMode;
    [FieldOffset(32)] public int MainGpu;
    [FieldOffset(40)] public IntPtr TensorSplit;
    [FieldOffset(48)] public IntPtr ProgressCallback;
    [FieldOffset(56)] public IntPtr ProgressCallbackUserData;
    [FieldOffset(64)] public IntPtr KvOverrides;
    [FieldOffset(72)] private sbyte vocabOnly;
    [FieldOffset(73)] private sbyte checkTensors;
    [FieldOffset(74)] private sbyte useExtraBufferTypes;
    [FieldOffset(75)] private sbyte noHost;
    [FieldOffset(76)] private sbyte noAlloc;
    [FieldOffset(77)] private sbyte loadMtp;

    public bool VocabOnly { readonly get => vocabOnly != 0; set => vocabOnly = value ? (sbyte)1 : (sbyte)0; }
    public bool CheckTensors { readonly get => checkTensors != 0; set => checkTensors = value ? (sbyte)1 : (sbyte)0; }
    public bool UseExtraBufferTypes { readonly get => useExtraBufferTypes != 0; set => useExtraBufferTypes = value ? (sbyte)1 : (sbyte)0; }
    public bool NoHost { readonly get => noHost != 0; set => noHost = value ? (sbyte)1 : (sbyte)0; }
    public bool NoAlloc { readonly get => noAlloc != 0; set => noAlloc = value ? (sbyte)1 : (sbyte)0; }
    public bool LoadMtp { readonly get => loadMtp != 0; set => loadMtp = value ? (sbyte)1 : (sbyte)0; }
}
