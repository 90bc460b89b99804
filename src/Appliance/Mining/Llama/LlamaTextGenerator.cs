using System.Text;
using System.Threading.Channels;
using LLama.Native;
using Microsoft.Extensions.Logging;

namespace Appliance.Mining.Llama;

/// <summary>
/// Continuous batching over one llama_context (LLamaSharp's low-level types: one context, one
/// <see cref="LLamaBatch"/>, a sampler chain per request): each running request owns a sequence; every step
/// builds ONE batch holding the next token of every decoding sequence plus prompt chunks of newly joined ones,
/// calls llama_decode once, and samples each sequence from its own logits. A new request joins at the next step
/// and a finished one leaves at once, freeing its sequence. The loop runs on its own thread because
/// llama_decode blocks for the whole step.
/// </summary>
public sealed class LlamaTextGenerator : ITextGenerator, IDisposable
{
    private readonly LlamaModel model;
    private readonly bool ownsModel;
    private readonly LlamaContext context;
    private readonly LLamaBatch batch = new();
    private readonly ILogger logger;
    private readonly Channel<PendingGeneration> waiting = Channel.CreateUnbounded<PendingGeneration>();
    private readonly SequenceSlot?[] slots;
    private readonly CancellationTokenSource stopping = new();
    private readonly Thread loop;
    private long decodeCalls;
    private long sharedDecodeCalls;

    public LlamaTextGenerator(LlamaModel model, LlamaGeneratorOptions options, ILoggerFactory loggerFactory, bool ownsModel = false)
    {
        options.Validate();
        LlamaLog.UseLoggerFactory(loggerFactory);
        this.model = model;
        this.ownsModel = ownsModel;
        logger = loggerFactory.CreateLogger<LlamaTextGenerator>();
        var perSequence = model.TrainedContextLength > 0 ? Math.Min(options.ContextPerSequence, model.TrainedContextLength) : options.ContextPerSequence;
        context = LlamaContext.Create(model, options.Sequences, perSequence, options.Threads, options.BatchSize);
        slots = new SequenceSlot?[context.Sequences];
        ModelName = Path.GetFileName(model.Path);
        loop = new Thread(Run) { IsBackground = true, Name = $"llama {ModelName}" };
        loop.Start();
        logger.LogInformation(
            "Generator on {Model} ({Description}): {Sequences} sequences x {Context} tokens, batch {Batch}, {Threads} threads, {GpuLayers} GPU layers, llama.cpp {Backend}",
            ModelName, model.Description, context.Sequences, context.ContextPerSequence, context.BatchSize, options.Threads, model.GpuLayers, LlamaBackend.EnsureInitialized().Variant);
    }

    /// <summary>Loads <paramref name="path"/> and owns the model (disposed with the generator).</summary>
    public static LlamaTextGenerator Load(string path, int? gpuLayers, LlamaGeneratorOptions options, ILoggerFactory loggerFactory)
    {
        LlamaLog.UseLoggerFactory(loggerFactory);
        var model = LlamaModel.Load(path, gpuLayers);
        try
        {
            return new LlamaTextGenerator(model, options, loggerFactory, ownsModel: true);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public string ModelName { get; }

    public LlamaModel Model => model;

    /// <summary>llama_decode calls so far, and how many of them carried more than one sequence.</summary>
    public (long Calls, long Shared) DecodeCalls => (Interlocked.Read(ref decodeCalls), Interlocked.Read(ref sharedDecodeCalls));

    public Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxTokens, 1, nameof(request.MaxTokens));
        ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
        var prompt = model.Tokenize(request.Prompt);
        if (prompt.Length == 0)
        {
            throw new ArgumentException("EmptyPrompt: the prompt has no tokens.", nameof(request));
        }
        if (prompt.Length + request.MaxTokens > context.ContextPerSequence)
        {
            throw new ArgumentException(
                $"PromptTooLong: {prompt.Length} prompt tokens + {request.MaxTokens} max tokens exceed the {context.ContextPerSequence}-token context of a sequence.",
                nameof(request));
        }
        var pending = new PendingGeneration(request, prompt, cancellation);
        pending.Registration = cancellation.Register(() => pending.Completion.TrySetCanceled(cancellation));
        if (!waiting.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(LlamaTextGenerator));
        }
        return pending.Completion.Task;
    }

    private void Run()
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                Admit();
                if (slots.All(s => s is null))
                {
                    waiting.Reader.WaitToReadAsync(stopping.Token).AsTask().Wait();
                    continue;
                }
                Step();
            }
        }
        catch (Exception e) when (e is OperationCanceledException || e.InnerException is OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Generator loop for {Model} stopped", ModelName);
            FailAll(e);
        }
    }

    private void Admit()
    {
        for (var sequence = 0; sequence < slots.Length; sequence++)
        {
            if (slots[sequence] is not null)
            {
                continue;
            }
            PendingGeneration? pending;
            do
            {
                if (!waiting.Reader.TryRead(out pending))
                {
                    return;
                }
            }
            while (Skipped(pending));
            slots[sequence] = new SequenceSlot(sequence, pending, LlamaSampler.Create(pending.Request));
        }
    }

    private static bool Skipped(PendingGeneration pending)
    {
        if (!pending.Completion.Task.IsCompleted)
        {
            return false;
        }
        pending.Registration.Dispose();
        return true;
    }

    /// <summary>One decode for every running sequence: their next tokens first, then prompt chunks in the room left.</summary>
    private void Step()
    {
        batch.Clear();
        var sequencesInBatch = 0;
        foreach (var slot in slots)
        {
            if (slot is null || slot.Prefilling)
            {
                continue;
            }
            if (slot.Pending.Completion.Task.IsCompleted)
            {
                Release(slot);
                continue;
            }
            slot.OutputIndex = batch.Add(slot.NextToken, slot.Position++, (LLamaSeqId)slot.Sequence, logits: true);
            sequencesInBatch++;
        }
        foreach (var slot in slots)
        {
            if (slot is null || !slot.Prefilling || batch.TokenCount == context.BatchSize)
            {
                continue;
            }
            if (slot.Pending.Completion.Task.IsCompleted)
            {
                Release(slot);
                continue;
            }
            var prompt = slot.Pending.PromptTokens;
            var take = Math.Min(prompt.Length - slot.PromptFed, context.BatchSize - batch.TokenCount);
            slot.OutputIndex = -1;
            for (var i = 0; i < take; i++)
            {
                var last = slot.PromptFed + 1 == prompt.Length;
                var index = batch.Add(prompt[slot.PromptFed++], slot.Position++, (LLamaSeqId)slot.Sequence, logits: last);
                if (last)
                {
                    slot.OutputIndex = index;
                }
            }
            sequencesInBatch++;
        }
        if (batch.TokenCount == 0)
        {
            return;
        }
        var status = context.Decode(batch);
        if (status != DecodeResult.Ok)
        {
            throw new LlamaException($"DecodeFailed: llama_decode returned {status} for {batch.TokenCount} tokens of {sequencesInBatch} sequences.");
        }
        Interlocked.Increment(ref decodeCalls);
        if (sequencesInBatch > 1)
        {
            Interlocked.Increment(ref sharedDecodeCalls);
        }
        logger.LogDebug("llama_decode: {Tokens} tokens of {Sequences} sequences", batch.TokenCount, sequencesInBatch);
        foreach (var slot in slots)
        {
            if (slot is { OutputIndex: >= 0 })
            {
                Advance(slot);
            }
        }
    }

    private void Advance(SequenceSlot slot)
    {
        var token = slot.Sampler.Sample(context, slot.OutputIndex);
        slot.OutputIndex = -1;
        var request = slot.Pending.Request;
        if (!request.IgnoreEndOfText && model.IsEndOfGeneration(token))
        {
            Finish(slot, FinishReason.EndOfText);
            return;
        }
        model.AppendPiece(token, slot.Output);
        slot.Generated++;
        slot.NextToken = token;
        if (slot.Generated == request.MaxTokens)
        {
            Finish(slot, FinishReason.Length);
        }
    }

    private void Finish(SequenceSlot slot, FinishReason reason)
    {
        var pending = slot.Pending;
        var text = Encoding.UTF8.GetString(slot.Output.WrittenSpan);
        var result = new GenerationResult(text, pending.PromptTokens.Length, slot.Generated, pending.Clock.Elapsed, reason);
        Release(slot);
        pending.Completion.TrySetResult(result);
    }

    private void Release(SequenceSlot slot)
    {
        context.ClearSequence(slot.Sequence);
        slot.Dispose();
        slots[slot.Sequence] = null;
    }

    private void FailAll(Exception error)
    {
        foreach (var slot in slots)
        {
            if (slot is not null)
            {
                slot.Pending.Completion.TrySetException(error);
                Release(slot);
            }
        }
        while (waiting.Reader.TryRead(out var pending))
        {
            pending.Completion.TrySetException(error);
            pending.Registration.Dispose();
        }
    }

    public void Dispose()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }
        waiting.Writer.TryComplete();
        stopping.Cancel();
        loop.Join();
        FailAll(new ObjectDisposedException(nameof(LlamaTextGenerator), "The generator was stopped."));
        context.Dispose();
        if (ownsModel)
        {
            model.Dispose();
        }
        stopping.Dispose();
    }
}
