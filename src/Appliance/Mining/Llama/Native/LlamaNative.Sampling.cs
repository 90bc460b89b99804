using System.Runtime.InteropServices;

namespace Appliance.Mining.Llama.Native;

/// <summary>llama.h: sampler chains and the samplers we use (top-k, top-p, temperature, seeded dist, greedy).</summary>
internal static partial class LlamaNative
{
    [LibraryImport(Llama)]
    internal static partial IntPtr llama_sampler_chain_init(LlamaSamplerChainParams parameters);

    /// <summary>The chain takes ownership of <paramref name="sampler"/>.</summary>
    [LibraryImport(Llama)]
    internal static partial void llama_sampler_chain_add(SafeLlamaSamplerHandle chain, IntPtr sampler);

    [LibraryImport(Llama)]
    internal static partial IntPtr llama_sampler_init_greedy();

    [LibraryImport(Llama)]
    internal static partial IntPtr llama_sampler_init_dist(uint seed);

    [LibraryImport(Llama)]
    internal static partial IntPtr llama_sampler_init_top_k(int k);

    [LibraryImport(Llama)]
    internal static partial IntPtr llama_sampler_init_top_p(float p, nuint minKeep);

    [LibraryImport(Llama)]
    internal static partial IntPtr llama_sampler_init_temp(float temperature);

    /// <summary>Samples and accepts a token from output <paramref name="index"/> of the last decode.</summary>
    [LibraryImport(Llama)]
    internal static partial int llama_sampler_sample(SafeLlamaSamplerHandle sampler, SafeLlamaContextHandle context, int index);

    [LibraryImport(Llama)]
    internal static partial void llama_sampler_free(IntPtr sampler);
}
