using System.Collections.Concurrent;

namespace Appliance.State;

/// <summary>
/// Remembers point reads of a state that does not change while the cache lives (a committed head). The
/// remembered reads may be shared by every reader of that same state, on any thread: what admission read
/// for an extrinsic's dry run, the block built on that head finds without asking SQLite again.
/// </summary>
public sealed class ReadCache(IStateReader state, ConcurrentDictionary<byte[], byte[]?> reads) : IStateReader
{
    public ReadCache(IStateReader state)
        : this(state, NewReads())
    {
    }

    /// <summary>An empty store of reads for one state; share it only between readers of that state.</summary>
    public static ConcurrentDictionary<byte[], byte[]?> NewReads() => new(ByteArrayComparer.Instance);

    public byte[]? Get(byte[] key) => reads.TryGetValue(key, out var value) ? value : reads.GetOrAdd(key, state.Get(key));

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) => state.Scan(prefix);
}
