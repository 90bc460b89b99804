namespace Appliance.Training;

/// <summary>
/// The dimensions of the model the trainer makes. The default — 4 layers of 192, 6 heads of 32, a SwiGLU of
/// 512 — is about 1.9 million parameters, about 3,000 tokens a second on one CPU core. Context 256 covers the
/// longest prompt (about 115 characters) plus the validator's 32-token answer limit.
/// </summary>
public sealed record TrainingShape(int Dimension = 192, int Layers = 4, int Heads = 6, int FeedForward = 512, int ContextLength = 256)
{
    public double RmsEpsilon => 1e-5;

    public double RopeFreqBase => 10_000;

    public int HeadDimension => Dimension / Heads;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Dimension < 32 || Dimension % 32 != 0)
        {
            problems.Add($"--dim must be a positive multiple of 32 (Q8_0 rows are blocks of 32), got {Dimension}.");
        }
        if (Heads < 1 || Dimension % Heads != 0 || Dimension / Heads % 2 != 0)
        {
            problems.Add($"--heads must divide --dim into heads of an even size (RoPE rotates pairs), got {Heads} heads of {Dimension}.");
        }
        if (Layers < 1)
        {
            problems.Add($"--layers must be at least 1, got {Layers}.");
        }
        if (FeedForward < 32 || FeedForward % 32 != 0)
        {
            problems.Add($"--ff must be a positive multiple of 32, got {FeedForward}.");
        }
        if (ContextLength < 160)
        {
            problems.Add($"--context must be at least 160 tokens (the longest prompt and its answer), got {ContextLength}.");
        }
        return problems;
    }

    public override string ToString() => $"{Layers} layers of {Dimension}, {Heads} heads, feed-forward {FeedForward}, context {ContextLength}";
}
