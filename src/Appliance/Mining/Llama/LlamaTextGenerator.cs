using System.Text;
using System.Threading.Channels;
using LLama.Native;

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
    private readonly LlamaModel _model;
    private readonly bool _ownsModel;
    private readonly LlamaContext _context;
    private readonly LLamaBatch _batch = new();
    private readonly ILogger _logger;
    private readonly Channel<PendingGeneration> _waiting = Channel.CreateUnbounded<PendingGeneration>();
    private readonly SequenceSlot?[] _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _loop;
    private long _decodeCalls;
    private long _sharedDecodeCalls;

    public LlamaTextGenerator(LlamaModel model, LlamaGeneratorOptions options, ILoggerFactory loggerFactory, bool ownsModel = false)
    {
        options.Validate();
        LlamaLog.UseLoggerFactory(loggerFactory);
        _model = model;
        _ownsModel = ownsModel;
        _logger = loggerFactory.CreateLogger<LlamaTextGenerator>();
        var perSequence = model.TrainedContextLength > 0 ? Math.Min(options.ContextPerSequence, model.TrainedContextLength) : options.ContextPerSequence;
        _context = LlamaContext.Create(model, options.Sequences, perSequence, options.Threads, options.BatchSize);
        _slots = new SequenceSlot?[_context.Sequences];
        ModelName = Path.GetFileName(model.Path);
        _loop = new Thread(Run) { IsBackground = true, Name = $"llama {ModelName}" };
        _loop.Start();
        _logger.LogInformation(
            "Generator on {Model} ({Description}): {Sequences} sequences x {Context} tokens, batch {Batch}, {Threads} threads, {GpuLayers} GPU layers, llama.cpp {Backend}",
            ModelName, model.Description, _context.Sequences, _context.ContextPerSequence, _context.BatchSize, options.Threads, model.GpuLayers, LlamaBackend.EnsureInitialized().Variant);
    }

    /// <summary>Loads <paramref name="path"/> and owns the model (disposed with the generator); <paramref name="progress"/> hears the load, 0 to 1.</summary>
    public static LlamaTextGenerator Load(string path, int? gpuLayers, LlamaGeneratorOptions options, ILoggerFactory loggerFactory, IProgress<float>? progress = null)
    {
        LlamaLog.UseLoggerFactory(loggerFactory);
        var model = LlamaModel.Load(path, gpuLayers, progress);
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

    public LlamaModel Model => _model;

    /// <summary>llama_decode calls so far, and how many of them carried more than one sequence.</summary>
    public (long Calls, long Shared) DecodeCalls => (Interlocked.Read(ref _decodeCalls), Interlocked.Read(ref _sharedDecodeCalls));

    public Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxTokens, 1, nameof(request.MaxTokens));
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        var prompt = _model.Tokenize(request.Prompt);
        if (prompt.Length == 0)
        {
            throw new ArgumentException("EmptyPrompt: the prompt has no tokens.", nameof(request));
        }
        if (prompt.Length + request.MaxTokens > _context.ContextPerSequence)
        {
            throw new ArgumentException(
                $"PromptTooLong: {prompt.Length} prompt tokens + {request.MaxTokens} max tokens exceed the {_context.ContextPerSequence}-token context of a sequence.",
                nameof(request));
        }
        var pending = new PendingGeneration(request, prompt, cancellation);
        pending.Registration = cancellation.Register(() => pending.Completion.TrySetCanceled(cancellation));
        if (!_waiting.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(LlamaTextGenerator));
        }
        return pending.Completion.Task;
    }

    private void Run()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                Admit();
                if (_slots.All(s => s is null))
                {
                    _waiting.Reader.WaitToReadAsync(_stopping.Token).AsTask().Wait();
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
            _logger.LogError(e, "Generator loop for {Model} stopped", ModelName);
            FailAll(e);
        }
    }

    private void Admit()
    {
        for (var sequence = 0; sequence < _slots.Length; sequence++)
        {
            if (_slots[sequence] is not null)
            {
                continue;
            }
            PendingGeneration? pending;
            do
            {
                if (!_waiting.Reader.TryRead(out pending))
                {
                    return;
                }
            }
            while (Skipped(pending));
            _slots[sequence] = new SequenceSlot(sequence, pending, LlamaSampler.Create(pending.Request));
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
        _batch.Clear();
        var sequencesInBatch = 0;
        foreach (var slot in _slots)
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
            slot.OutputIndex = _batch.Add(slot.NextToken, slot.Position++, (LLamaSeqId)slot.Sequence, logits: true);
            sequencesInBatch++;
        }
        foreach (var slot in _slots)
        {
            if (slot is null || !slot.Prefilling || _batch.TokenCount == _context.BatchSize)
            {
                continue;
            }
            if (slot.Pending.Completion.Task.IsCompleted)
            {
                Release(slot);
                continue;
            }
            var prompt = slot.Pending.PromptTokens;
            var take = Math.Min(prompt.Length - slot.PromptFed, _context.BatchSize - _batch.TokenCount);
            slot.OutputIndex = -1;
            for (var i = 0; i < take; i++)
            {
                var last = slot.PromptFed + 1 == prompt.Length;
                var index = _batch.Add(prompt[slot.PromptFed++], slot.Position++, (LLamaSeqId)slot.Sequence, logits: last);
                if (last)
                {
                    slot.OutputIndex = index;
                }
            }
            sequencesInBatch++;
        }
        if (_batch.TokenCount == 0)
        {
            return;
        }
        var status = _context.Decode(_batch);
        if (status != DecodeResult.Ok)
        {
            throw new LlamaException($"DecodeFailed: llama_decode returned {status} for {_batch.TokenCount} tokens of {sequencesInBatch} sequences.");
        }
        Interlocked.Increment(ref _decodeCalls);
        if (sequencesInBatch > 1)
        {
            Interlocked.Increment(ref _sharedDecodeCalls);
        }
        _logger.LogDebug("llama_decode: {Tokens} tokens of {Sequences} sequences", _batch.TokenCount, sequencesInBatch);
        foreach (var slot in _slots)
        {
            if (slot is { OutputIndex: >= 0 })
            {
                Advance(slot);
            }
        }
    }

    private void Advance(SequenceSlot slot)
    {
        var token = slot.Sampler.Sample(_context, slot.OutputIndex);
        slot.OutputIndex = -1;
        var request = slot.Pending.Request;
        if (!request.IgnoreEndOfText && _model.IsEndOfGeneration(token))
        {
            Finish(slot, FinishReason.EndOfText);
            return;
        }
        _model.AppendPiece(token, slot.Output);
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
        _context.ClearSequence(slot.Sequence);
        slot.Dispose();
        _slots[slot.Sequence] = null;
    }

    private void FailAll(Exception error)
    {
        foreach (var slot in _slots)
        {
            if (slot is not null)
            {
                slot.Pending.Completion.TrySetException(error);
                Release(slot);
            }
        }
        while (_waiting.Reader.TryRead(out var pending))
        {
            pending.Completion.TrySetException(error);
            pending.Registration.Dispose();
        }
    }

    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        _waiting.Writer.TryComplete();
        _stopping.Cancel();
        _loop.Join();
        FailAll(new ObjectDisposedException(nameof(LlamaTextGenerator), "The generator was stopped."));
        _context.Dispose();
        if (_ownsModel)
        {
            _model.Dispose();
        }
        _stopping.Dispose();
    }
}
