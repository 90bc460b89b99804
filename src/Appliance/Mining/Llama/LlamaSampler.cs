using System.Runtime.InteropServices;
using Appliance.Mining.Llama.Native;

namespace Appliance.Mining.Llama;

/// <summary>
/// A per-request sampler chain in llama.cpp's usual order: top-k, top-p, temperature, then a draw from an
/// RNG seeded by the request (greedy at temperature 0), so a seed fixes the text.
/// </summary>
internal sealed class LlamaSampler : IDisposable
{
    private readonly SafeLlamaSamplerHandle chain;

    private LlamaSampler(SafeLlamaSamplerHandle chain) => this.chain = chain;

    public static LlamaSampler Create(GenerationRequest request)
    {
        var chain = new SafeLlamaSamplerHandle();
        Marshal.InitHandle(chain, LlamaNative.llama_sampler_chain_init(LlamaNative.llama_sampler_chain_default_params()));
        if (request.Temperature <= 0)
        {
            LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_greedy());
            return new LlamaSampler(chain);
        }
        if (request.TopK > 0)
        {
            LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_top_k(request.TopK));
        }
        if (request.TopP < 1)
        {
            LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_top_p(request.TopP, 1));
        }
        LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_temp(request.Temperature));
        LlamaNative.llama_sampler_chain_add(chain, LlamaNative.llama_sampler_init_dist(request.Seed));
        return new LlamaSampler(chain);
    }

    /// <summary>Samples (and accepts) the next token from output <paramref name="outputIndex"/> of the last decode.</summary>
    public int Sample(LlamaContext context, int outputIndex) => LlamaNative.llama_sampler_sample(chain, context.Handle, outputIndex);

    public void Dispose() => chain.Dispose();
}
