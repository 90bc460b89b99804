using Appliance.Scale;

namespace Appliance.State;

/// <summary>A typed map in state (FRAME's StorageMap): key and value SCALE-encoded under one prefix.</summary>
public sealed class StorageMap<TKey, TValue>(string module, string item)
    where TKey : IScaleCodec<TKey>
    where TValue : IScaleCodec<TValue>
{
    [ThreadStatic]
    private static ScaleWriter? spareWriter;
    private readonly byte[] _prefix = StorageKey.Prefix(module, item);

    /// <summary>The start every key of the map has.</summary>
    public ReadOnlyMemory<byte> Prefix => _prefix;

    public bool Contains(IStateReader state, TKey key) => state.Get(KeyOf(key)) is not null;

    public bool TryGet(IStateReader state, TKey key, out TValue value)
    {
        if (state.Get(KeyOf(key)) is { } bytes)
        {
            value = Decode(bytes);
            return true;
        }
        value = default!;
        return false;
    }

    public TValue GetOrDefault(IStateReader state, TKey key, TValue fallback) =>
        TryGet(state, key, out var value) ? value : fallback;

    public void Set(StateOverlay state, TKey key, TValue value)
    {
        var writer = RentWriter();
        value.Write(writer);
        var bytes = writer.ToArray();
        ReturnWriter(writer);
        state.Set(KeyOf(key), bytes);
    }

    public void Remove(StateOverlay state, TKey key) => state.Remove(KeyOf(key));

    public IEnumerable<(TKey Key, TValue Value)> Iterate(IStateReader state) =>
        IterateStored(state).Select(entry => (entry.Key, Decode(entry.Value)));

    /// <summary>
    /// The entries whose key starts with <paramref name="first"/>'s encoding, in key order (FRAME's
    /// iter_prefix on a double map): one scan, where reading them key by key costs a query each.
    /// </summary>
    public IEnumerable<(TKey Key, TValue Value)> IteratePrefix<TFirst>(IStateReader state, TFirst first) where TFirst : IScaleCodec<TFirst> =>
        IteratePrefixStored(state, first).Select(entry => (entry.Key, Decode(entry.Value)));

    /// <summary>
    /// <see cref="Iterate"/> with each value as stored: a reader that keeps what it built from the values it
    /// read before decodes (<see cref="Decode"/>) only those whose bytes changed.
    /// </summary>
    public IEnumerable<(TKey Key, byte[] Value)> IterateStored(IStateReader state) =>
        state.Scan(_prefix).Select(entry => (DecodeKey(entry.Key), entry.Value));

    /// <summary><see cref="IteratePrefix"/> with each value as stored (see <see cref="IterateStored"/>).</summary>
    public IEnumerable<(TKey Key, byte[] Value)> IteratePrefixStored<TFirst>(IStateReader state, TFirst first) where TFirst : IScaleCodec<TFirst> =>
        state.Scan(PrefixOf(first)).Select(entry => (DecodeKey(entry.Key), entry.Value));

    /// <summary>The start of every key whose first part is <paramref name="first"/> (the whole key when that is all of it).</summary>
    public byte[] PrefixOf<TFirst>(TFirst first) where TFirst : IScaleCodec<TFirst>
    {
        var writer = new ScaleWriter();
        first.Write(writer);
        return StorageKey.Of(_prefix, writer.ToArray());
    }

    /// <summary>The key of one of this map's entries from its storage key.</summary>
    public TKey DecodeKey(byte[] storageKey) => ScaleReader.DecodeAll(storageKey.AsMemory(_prefix.Length), TKey.Read);

    /// <summary>A value of this map from its stored bytes.</summary>
    public static TValue Decode(byte[] value) => ScaleReader.DecodeAll(value, TValue.Read);

    /// <summary>The storage key, in one allocation: every read and write of a transfer makes a few.</summary>
    private byte[] KeyOf(TKey key)
    {
        var writer = RentWriter();
        writer.Raw(_prefix);
        key.Write(writer);
        var storageKey = writer.ToArray();
        ReturnWriter(writer);
        return storageKey;
    }

    /// <summary>This thread's spare writer (a new one when a key's encoding itself encodes a key).</summary>
    private static ScaleWriter RentWriter()
    {
        var writer = spareWriter ?? new ScaleWriter();
        spareWriter = null;
        return writer;
    }

    private static void ReturnWriter(ScaleWriter writer)
    {
        writer.Clear();
        spareWriter = writer;
    }
}
