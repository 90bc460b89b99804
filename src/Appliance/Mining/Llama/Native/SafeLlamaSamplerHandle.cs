using Microsoft.Win32.SafeHandles;

namespace Appliance.Mining.Llama.Native;

/// <summary>A llama_sampler chain, freed with llama_sampler_free (which frees the samplers it owns).</summary>
internal sealed class SafeLlamaSamplerHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_sampler_free(handle);
        return true;
    }
}
