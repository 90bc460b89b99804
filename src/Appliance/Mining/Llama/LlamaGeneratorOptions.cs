namespace Appliance.Mining.Llama;

/// <summary>
/// How a generator uses its model: <see cref="Sequences"/> requests decode together in one context, each
/// with <see cref="ContextPerSequence"/> tokens of KV cache (prompt plus completion); a decode call takes at
/// most <see cref="BatchSize"/> tokens (long prompts are fed in chunks).
/// </summary>
public sealed record LlamaGeneratorOptions
{
    public int Sequences { get; init; } = 8;
    public int ContextPerSequence { get; init; } = 1024;
    public int Threads { get; init; } = Environment.ProcessorCount;
    public int BatchSize { get; init; } = 512;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Sequences, 1, nameof(Sequences));
        ArgumentOutOfRangeException.ThrowIfLessThan(ContextPerSequence, 16, nameof(ContextPerSequence));
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1, nameof(Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, Sequences, nameof(BatchSize));
    }
}
