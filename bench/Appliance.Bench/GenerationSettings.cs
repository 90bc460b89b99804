namespace Appliance.Bench;

/// <summary>What both sides of <see cref="GenerationVsNodeLlamaCpp"/> run with, so that only the runtime differs.</summary>
public sealed record GenerationSettings(string ModelPath, int Tokens, int Runs)
{
    public const string DefaultPrompt = "The validators of a subnet score the answers of its miners, and the chain pays them.";

    public string Prompt { get; init; } = DefaultPrompt;

    public IReadOnlyList<int> SequenceCounts { get; init; } = [1, 8];

    /// <summary>All cores: the bench is the only thing meant to run (docs/miner.md on oversubscribed threads).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    public int ContextPerSequence { get; init; } = 256;

    public int BatchSize { get; init; } = 512;
}
