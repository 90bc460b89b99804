namespace Appliance.State;

/// <summary>
/// Uncommitted writes over a parent state, like Substrate's overlayed changes: a block writes into one,
/// each extrinsic into a child of it that is merged on success and dropped on failure. A null value is a
/// deletion.
/// </summary>
public sealed class StateOverlay(IStateReader parent) : IStateReader
{
    private readonly SortedDictionary<byte[], byte[]?> _writes = new(ByteArrayComparer.Instance);

    /// <summary>The writes in key order; what the state root digests and the database applies.</summary>
    public IReadOnlyCollection<KeyValuePair<byte[], byte[]?>> Changes => _writes;

    public byte[]? Get(byte[] key) => _writes.TryGetValue(key, out var value) ? value : parent.Get(key);

    public void Set(byte[] key, byte[] value) => _writes[key] = value;

    public void Remove(byte[] key) => _writes[key] = null;

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix)
    {
        var own = _writes.Where(w => w.Key.AsSpan().StartsWith(prefix)).ToList();
        using var below = parent.Scan(prefix).GetEnumerator();
        var hasBelow = below.MoveNext();
        var i = 0;
        while (hasBelow || i < own.Count)
        {
            var order = !hasBelow ? 1 : i == own.Count ? -1 : ByteArrayComparer.Instance.Compare(below.Current.Key, own[i].Key);
            if (order < 0)
            {
                yield return below.Current;
                hasBelow = below.MoveNext();
                continue;
            }
            if (own[i].Value is { } value)
            {
                yield return new KeyValuePair<byte[], byte[]>(own[i].Key, value);
            }
            i++;
            if (order == 0)
            {
                hasBelow = below.MoveNext();
            }
        }
    }

    /// <summary>Moves these writes into <paramref name="target"/> (the overlay this one was opened on).</summary>
    public void MergeInto(StateOverlay target)
    {
        foreach (var (key, value) in _writes)
        {
            target._writes[key] = value;
        }
        _writes.Clear();
    }
}
