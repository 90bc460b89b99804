using Microsoft.Win32.SafeHandles;

namespace Appliance.Mining.Llama.Native;

/// <summary>
/// A llama_batch from llama_batch_init, freed with llama_batch_free. The struct is kept here and filled
/// through <see cref="Add"/> so its raw arrays never leave this folder.
/// </summary>
internal sealed unsafe class SafeLlamaBatchHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private LlamaBatch batch;

    public SafeLlamaBatchHandle(int capacity) : base(ownsHandle: true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        batch = LlamaNative.llama_batch_init(capacity, 0, 1);
        Capacity = capacity;
        SetHandle((IntPtr)batch.Token);
    }

    public int Capacity { get; }

    public int Count => batch.TokenCount;

    public void Clear() => batch.TokenCount = 0;

    /// <summary>Appends one token of one sequence; returns its index (the output index when logits are requested).</summary>
    public int Add(int token, int position, int sequence, bool logits)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        if (batch.TokenCount >= Capacity)
        {
            throw new InvalidOperationException($"The batch holds at most {Capacity} tokens.");
        }
        var i = batch.TokenCount;
        batch.Token[i] = token;
        batch.Position[i] = position;
        batch.SequenceIdCount[i] = 1;
        batch.SequenceId[i][0] = sequence;
        batch.Logits[i] = logits ? (sbyte)1 : (sbyte)0;
        batch.TokenCount = i + 1;
        return i;
    }

    internal LlamaBatch Value => batch;

    protected override bool ReleaseHandle()
    {
        LlamaNative.llama_batch_free(batch);
        return true;
    }
}
