using Appliance.Mining.Llama.Native;

namespace Appliance.Mining.Llama;

/// <summary>
/// One llama_context holding several sequences, each with its own slice of the KV cache
/// (kv_unified off: sequences rarely share a prefix here, and llama.cpp advises so for that case).
/// </summary>
internal sealed class LlamaContext : IDisposable
{
    private readonly SafeLlamaContextHandle handle;
    private readonly IntPtr memory;

    private LlamaContext(SafeLlamaContextHandle handle)
    {
        this.handle = handle;
        memory = LlamaNative.llama_get_memory(handle);
        Sequences = (int)LlamaNative.llama_n_seq_max(handle);
        BatchSize = (int)LlamaNative.llama_n_batch(handle);
        ContextPerSequence = (int)(LlamaNative.llama_n_ctx(handle) / (uint)Sequences);
    }

    public int Sequences { get; }
    public int BatchSize { get; }
    public int ContextPerSequence { get; }

    internal SafeLlamaContextHandle Handle => handle;

    public static LlamaContext Create(LlamaModel model, int sequences, int contextPerSequence, int threads, int batchSize)
    {
        var parameters = LlamaNative.llama_context_default_params();
        parameters.ContextSize = checked((uint)(sequences * contextPerSequence));
        parameters.MaxSequences = (uint)sequences;
        parameters.BatchSize = (uint)batchSize;
        parameters.MicroBatchSize = (uint)Math.Min(batchSize, 512);
        parameters.Threads = threads;
        parameters.BatchThreads = threads;
        parameters.KvUnified = false;
        parameters.NoPerf = true;
        var raw = LlamaNative.llama_init_from_model(model.Handle, parameters);
        if (raw == IntPtr.Zero)
        {
            throw new LlamaException(
                $"ContextCreateFailed: llama.cpp could not create a context of {sequences} x {contextPerSequence} tokens for {model.Path} (too little memory?).");
        }
        var handle = new SafeLlamaContextHandle();
        System.Runtime.InteropServices.Marshal.InitHandle(handle, raw);
        handle.KeepAlive(model.Handle);
        return new LlamaContext(handle);
    }

    /// <summary>Runs the model on the batch; 0 is success, 1 means no KV room, other values are errors.</summary>
    public int Decode(SafeLlamaBatchHandle batch) => LlamaNative.llama_decode(handle, batch.Value);

    /// <summary>Forgets everything the sequence had in the KV cache, so its slot can take a new request.</summary>
    public void ClearSequence(int sequence) => LlamaNative.llama_memory_seq_rm(memory, sequence, -1, -1);

    public void Dispose() => handle.Dispose();
}
