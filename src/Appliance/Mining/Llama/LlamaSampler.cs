using LLama.Native;

namespace Appliance.Mining.Llama;

/// <summary>
/// A per-request sampler chain in llama.cpp's usual order: top-k, top-p, temperature, then a draw from an
/// RNG seeded by the request (greedy at temperature 0), so a seed fixes the text.
/// </summary>
internal sealed class LlamaSampler : IDisposable
{
    private readonly SafeLLamaSamplerChainHandle _chain;

    private LlamaSampler(SafeLLamaSamplerChainHandle chain) => _chain = chain;

    public static LlamaSampler Create(GenerationRequest request)
    {
        var chain = SafeLLamaSamplerChainHandle.Create(LLamaSamplerChainParams.Default());
        if (request.Temperature <= 0)
        {
            chain.AddGreedySampler();
            return new LlamaSampler(chain);
        }
        if (request.TopK > 0)
        {
            chain.AddTopK(request.TopK);
        }
        if (request.TopP < 1)
        {
            chain.AddTopP(request.TopP, 1);
        }
        chain.AddTemperature(request.Temperature);
        chain.AddDistributionSampler(request.Seed);
        return new LlamaSampler(chain);
    }

    /// <summary>Samples (and accepts) the next token from output <paramref name="outputIndex"/> of the last decode.</summary>
    public LLamaToken Sample(LlamaContext context, int outputIndex) => _chain.Sample(context.Handle, outputIndex);

    public void Dispose() => _chain.Dispose();
}
