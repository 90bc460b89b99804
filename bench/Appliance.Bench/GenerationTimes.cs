namespace Appliance.Bench;

/// <summary>
/// One side's wall-clock times for <c>sequences</c> requests run at once: <see cref="FirstMs"/> generating 1
/// token each (the prompt's decode plus the first sampled token), <see cref="FullMs"/> generating
/// <see cref="Tokens"/> each. The difference of the medians is the time of the other Tokens − 1 decode steps,
/// so generation speed leaves prompt processing out; ours and node-llama-cpp's go through this same arithmetic.
/// </summary>
public sealed record GenerationTimes(int Sequences, int Tokens, double[] FirstMs, double[] FullMs)
{
    public double MedianFirstMs => Median(FirstMs);

    public double MedianFullMs => Median(FullMs);

    /// <summary>Generated tokens per second over all sequences, prompt processing excluded.</summary>
    public double TokensPerSecond => Sequences * (Tokens - 1) / ((MedianFullMs - MedianFirstMs) / 1000);

    public double PerSequenceTokensPerSecond => TokensPerSecond / Sequences;

    /// <summary>All generated tokens over the whole run, prompt included.</summary>
    public double EndToEndTokensPerSecond => Sequences * Tokens / (MedianFullMs / 1000);

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
