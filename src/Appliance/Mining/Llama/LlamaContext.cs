using LLama.Native;

namespace Appliance.Mining.Llama;

/// <summary>
/// One llama_context holding several sequences, each with its own slice of the KV cache
/// (kv_unified off: sequences rarely share a prefix here, and llama.cpp advises so for that case).
/// </summary>
internal sealed class LlamaContext : IDisposable
{
    private readonly SafeLLamaContextHandle _handle;

    private LlamaContext(SafeLLamaContextHandle handle)
    {
        _handle = handle;
        Sequences = (int)handle.MaxSeq;
        BatchSize = (int)handle.BatchSize;
        ContextPerSequence = (int)(handle.ContextSize / (uint)Sequences);
    }

    public int Sequences { get; }
    public int BatchSize { get; }
    public int ContextPerSequence { get; }

    internal SafeLLamaContextHandle Handle => _handle;

    public static LlamaContext Create(LlamaModel model, int sequences, int contextPerSequence, int threads, int batchSize)
    {
        var parameters = LLamaContextParams.Default();
        parameters.n_ctx = checked((uint)(sequences * contextPerSequence));
        parameters.n_seq_max = (uint)sequences;
        parameters.n_batch = (uint)batchSize;
        parameters.n_ubatch = (uint)Math.Min(batchSize, 512);
        parameters.n_threads = threads;
        parameters.n_threads_batch = threads;
        parameters.kv_unified = false;
        parameters.no_perf = true;
        try
        {
            return new LlamaContext(SafeLLamaContextHandle.Create(model.Handle, parameters));
        }
        catch (LLama.Exceptions.RuntimeError)
        {
            throw new LlamaException(
                $"ContextCreateFailed: llama.cpp could not create a context of {sequences} x {contextPerSequence} tokens for {model.Path} (too little memory?).");
        }
    }

    public DecodeResult Decode(LLamaBatch batch) => _handle.Decode(batch);

    /// <summary>Forgets everything the sequence had in the KV cache, so its slot can take a new request.</summary>
    public void ClearSequence(int sequence) => _handle.MemorySequenceRemove((LLamaSeqId)sequence, -1, -1);

    public void Dispose() => _handle.Dispose();
}
