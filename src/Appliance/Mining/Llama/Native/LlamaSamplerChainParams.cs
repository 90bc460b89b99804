using System.Runtime.InteropServices;

namespace Appliance.Mining.Llama.Native;

/// <summary>struct llama_sampler_chain_params of the pinned llama.h: one C bool.</summary>
[StructLayout(LayoutKind.Explicit, Size = 1)]
internal struct LlamaSamplerChainParams
{
    [FieldOffset(0)] private sbyte noPerf;

    public bool NoPerf { readonly get => noPerf != 0; set => noPerf = value ? (sbyte)1 : (sbyte)0; }
}
