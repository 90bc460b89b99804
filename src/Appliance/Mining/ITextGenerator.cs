namespace Appliance.Mining;

/// <summary>
/// The one seam between the miner and an LLM runtime (our llama.cpp binding today; LLamaSharp could replace
/// it in one class). Implementations serve concurrent requests; the same request with the same seed gives
/// the same text.
/// </summary>
public interface ITextGenerator
{
    /// <summary>What is loaded, for logs and the UI (file name and shape).</summary>
    string ModelName { get; }

    Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellation);
}

/// <summary>A completion request: sampling with temperature, then top-k and top-p, from a seeded RNG.</summary>
public sealed record GenerationRequest(string Prompt, int MaxTokens, float Temperature, uint Seed, int TopK = 40, float TopP = 0.95f);

/// <summary>The completion with its token counts and how long generation took.</summary>
public sealed record GenerationResult(string Text, int PromptTokens, int CompletionTokens, TimeSpan Elapsed)
{
    public double TokensPerSecond => Elapsed > TimeSpan.Zero ? CompletionTokens / Elapsed.TotalSeconds : 0;
}
