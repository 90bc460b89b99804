namespace Appliance.Mining;

/// <summary>
/// One miner's view of a (possibly shared) generator: its own temperature and answer length applied to every
/// request, and counts of what it served (for logs and the UI). Miners sharing a GGUF share the generator
/// underneath, so their requests decode in the same batches.
/// </summary>
public sealed class MinerGenerator(ITextGenerator inner, float temperature, int maxTokens) : ITextGenerator
{
    private long _requests;
    private long _tokens;
    private long _generationTicks;

    public string ModelName => inner.ModelName;

    public float Temperature { get; } = temperature;

    public int MaxTokens { get; } = maxTokens;

    public long Requests => Interlocked.Read(ref _requests);

    public long Tokens => Interlocked.Read(ref _tokens);

    /// <summary>Completion tokens per second of generation time, over everything served so far.</summary>
    public double TokensPerSecond
    {
        get
        {
            var elapsed = TimeSpan.FromTicks(Interlocked.Read(ref _generationTicks));
            return elapsed > TimeSpan.Zero ? Tokens / elapsed.TotalSeconds : 0;
        }
    }

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellation)
    {
        var result = await inner.GenerateAsync(
            request with { Temperature = Temperature, MaxTokens = Math.Min(request.MaxTokens, MaxTokens) }, cancellation);
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _tokens, result.CompletionTokens);
        Interlocked.Add(ref _generationTicks, result.Elapsed.Ticks);
        GenerationMetrics.Generated(ModelName, result);
        return result;
    }
}
