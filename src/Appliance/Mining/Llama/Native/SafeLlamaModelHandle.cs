using Microsoft.Win32.SafeHandles;

namespace Appliance.Mining.Llama.Native;

/// <summary>A loaded llama_model, freed with llama_model_free.</summary>
internal sealed class SafeLlamaModelHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_model_free(handle);
        return true;
    }
}
