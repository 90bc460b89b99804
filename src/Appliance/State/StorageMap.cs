using Appliance.Scale;

namespace Appliance.State;

/// <summary>A typed map in state (FRAME's StorageMap): key and value SCALE-encoded under one prefix.</summary>
public sealed class StorageMap<TKey, TValue>(string module, string item)
    where TKey : IScaleCodec<TKey>
    where TValue : IScaleCodec<TValue>
{
    private readonly byte[] _prefix = StorageKey.Prefix(module, item);

    public bool Contains(IStateReader state, TKey key) => state.Get(KeyOf(key)) is not null;

    public bool TryGet(IStateReader state, TKey key, out TValue value)
    {
        if (state.Get(KeyOf(key)) is { } bytes)
        {
            value = ScaleReader.DecodeAll(bytes, TValue.Read);
            return true;
        }
        value = default!;
        return false;
    }

    public TValue GetOrDefault(IStateReader state, TKey key, TValue fallback) =>
        TryGet(state, key, out var value) ? value : fallback;

    public void Set(StateOverlay state, TKey key, TValue value)
    {
        var writer = new ScaleWriter();
        value.Write(writer);
        state.Set(KeyOf(key), writer.ToArray());
    }

    public void Remove(StateOverlay state, TKey key) => state.Remove(KeyOf(key));

    public IEnumerable<(TKey Key, TValue Value)> Iterate(IStateReader state) =>
        state.Scan(_prefix).Select(entry => (
            ScaleReader.DecodeAll(entry.Key.AsMemory(_prefix.Length), TKey.Read),
            ScaleReader.DecodeAll(entry.Value, TValue.Read)));

    /// <summary>
    /// The entries whose key starts with <paramref name="first"/>'s encoding, in key order (FRAME's
    /// iter_prefix on a double map): one scan, where reading them key by key costs a query each.
    /// </summary>
    public IEnumerable<(TKey Key, TValue Value)> IteratePrefix<TFirst>(IStateReader state, TFirst first) where TFirst : IScaleCodec<TFirst>
    {
        var writer = new ScaleWriter();
        first.Write(writer);
        return state.Scan(StorageKey.Of(_prefix, writer.ToArray())).Select(entry => (
            ScaleReader.DecodeAll(entry.Key.AsMemory(_prefix.Length), TKey.Read),
            ScaleReader.DecodeAll(entry.Value, TValue.Read)));
    }

    private byte[] KeyOf(TKey key)
    {
        var writer = new ScaleWriter();
        key.Write(writer);
        return StorageKey.Of(_prefix, writer.ToArray());
    }
}
