namespace Appliance.State;

/// <summary>
/// Remembers point reads of a state that does not change while the cache lives (a committed head), in
/// <see cref="StateReads"/> that other readers of the same state may share.
/// </summary>
public sealed class ReadCache(IStateReader state, StateReads reads) : IStateReader
{
    public byte[]? Get(byte[] key) => reads.TryGet(key, out var value) ? value : reads.Add(key, state.Get(key));

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) => state.Scan(prefix);
}
