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

/// <summary>
/// A completion request, sampled as llama.cpp's samplers chain them: top-k, top-p, temperature, then a draw
/// from a seeded RNG (temperature 0 is greedy). <paramref name="IgnoreEndOfText"/> keeps generating past
/// end-of-text tokens, so a run produces exactly <paramref name="MaxTokens"/> (benchmarks and tests).
/// </summary>
public sealed record GenerationRequest(
    string Prompt, int MaxTokens, float Temperature, uint Seed, int TopK = 40, float TopP = 0.95f, bool IgnoreEndOfText = false);

/// <summary>The completion with its token counts, why it ended and how long generation took.</summary>
public sealed record GenerationResult(
    string Text, int PromptTokens, int CompletionTokens, TimeSpan Elapsed, FinishReason Finish = FinishReason.Length)
{
    public double TokensPerSecond => Elapsed > TimeSpan.Zero ? CompletionTokens / Elapsed.TotalSeconds : 0;
}

/// <summary>Length: max tokens reached. EndOfText: the model produced an end-of-generation token.</summary>
public enum FinishReason
{
    Length,
    EndOfText,
}
