using System.Buffers;
using System.Diagnostics;
using LLama.Native;

namespace Appliance.Mining.Llama;

/// <summary>
/// One request running in one sequence of the shared context: its prompt still to feed, the token it
/// sampled last (fed in the next decode), the bytes produced so far and its sampler.
/// </summary>
internal sealed class SequenceSlot(int sequence, PendingGeneration pending, LlamaSampler sampler) : IDisposable
{
    public int Sequence { get; } = sequence;
    public PendingGeneration Pending { get; } = pending;
    public LlamaSampler Sampler { get; } = sampler;
    public ArrayBufferWriter<byte> Output { get; } = new();
    public int PromptFed { get; set; }
    public int Generated { get; set; }
    public LLamaToken NextToken { get; set; } = LLamaToken.InvalidToken;
    /// <summary>Index of this sequence's logits in the current batch, or -1 when it asked for none.</summary>
    public int OutputIndex { get; set; } = -1;

    /// <summary>Tokens of this sequence already in the KV cache: the position of the next one fed.</summary>
    public int Position { get; set; }

    public bool Prefilling => PromptFed < Pending.PromptTokens.Length;

    public void Dispose()
    {
        Sampler.Dispose();
        Pending.Registration.Dispose();
    }
}

/// <summary>A request accepted by the generator, waiting for or holding a sequence.</summary>
internal sealed class PendingGeneration(GenerationRequest request, LLamaToken[] promptTokens, CancellationToken cancellation)
{
    public GenerationRequest Request { get; } = request;
    public LLamaToken[] PromptTokens { get; } = promptTokens;
    public CancellationToken Cancellation { get; } = cancellation;
    public Stopwatch Clock { get; } = Stopwatch.StartNew();
    public TaskCompletionSource<GenerationResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    /// <summary>Cancels <see cref="Completion"/> when the caller gives up; disposed once the request is done.</summary>
    public CancellationTokenRegistration Registration { get; set; }
}
