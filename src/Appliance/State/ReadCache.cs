using System.Collections.Concurrent;

namespace Appliance.State;

/// <summary>
/// Remembers point reads of a state that does not change while the cache lives (a committed head). The
/// remembered reads may be shared by every reader of that same state, on any thread: what admission read
/// for an extrinsic's dry run, the block built on that head finds without asking SQLite again.
/// </summary>
public sealed class ReadCache(IStateReader state, ConcurrentDictionary<byte[], byte[]?> reads) : IStateReader
{
    /// <summary>Past this many, reads carried to the next state are dropped instead (a bound on memory, not on correctness).</summary>
    public const int MaxCarried = 1 << 17;

    public ReadCache(IStateReader state)
        : this(state, NewReads())
    {
    }

    /// <summary>An empty store of reads for one state; share it only between readers of that state.</summary>
    public static ConcurrentDictionary<byte[], byte[]?> NewReads() => new(ByteArrayComparer.Instance);

    /// <summary>
    /// The reads of the state that <paramref name="writes"/> make of the state <paramref name="reads"/> were
    /// made on: what a block did not write reads as before, what it wrote reads as written. So what admission
    /// read on one head serves a block built on the next.
    /// </summary>
    public static ConcurrentDictionary<byte[], byte[]?> Carried(
        ConcurrentDictionary<byte[], byte[]?> reads, IReadOnlyCollection<KeyValuePair<byte[], byte[]?>> writes)
    {
        var carried = reads.Count + writes.Count <= MaxCarried ? new ConcurrentDictionary<byte[], byte[]?>(reads, ByteArrayComparer.Instance) : NewReads();
        if (writes.Count <= MaxCarried)
        {
            foreach (var (key, value) in writes)
            {
                carried[key] = value;
            }
        }
        return carried;
    }

    public byte[]? Get(byte[] key) => reads.TryGetValue(key, out var value) ? value : reads.GetOrAdd(key, state.Get(key));

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) => state.Scan(prefix);
}
