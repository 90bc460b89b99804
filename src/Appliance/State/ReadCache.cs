namespace Appliance.State;

/// <summary>
/// Remembers point reads of a state that does not change while the cache lives (a snapshot, or the head
/// while one block is built on it): a transfer reads its signer's account three times before writing it.
/// Not thread-safe; one reader at a time.
/// </summary>
public sealed class ReadCache(IStateReader state) : IStateReader
{
    private readonly Dictionary<byte[], byte[]?> _reads = new(ByteArrayComparer.Instance);

    public byte[]? Get(byte[] key)
    {
        if (!_reads.TryGetValue(key, out var value))
        {
            value = state.Get(key);
            _reads[key] = value;
        }
        return value;
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) => state.Scan(prefix);
}
