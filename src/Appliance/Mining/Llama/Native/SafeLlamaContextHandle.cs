using Microsoft.Win32.SafeHandles;

namespace Appliance.Mining.Llama.Native;

/// <summary>A llama_context, freed with llama_free. It keeps its model alive for as long as it lives.</summary>
internal sealed class SafeLlamaContextHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    private SafeLlamaModelHandle? model;

    internal void KeepAlive(SafeLlamaModelHandle owner)
    {
        var added = false;
        owner.DangerousAddRef(ref added);
        model = owner;
    }

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_free(handle);
        model?.DangerousRelease();
        return true;
    }
}
