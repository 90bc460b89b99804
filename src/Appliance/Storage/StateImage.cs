using System.Collections.Concurrent;
using Appliance.State;

namespace Appliance.Storage;

/// <summary>
/// Every committed entry under one prefix of the state (the accounts) in memory, each with the value it had
/// before the last block that wrote it, so readers of the head and of the head before read them here. In
/// SQLite a point read costs a b-tree descent through a reader's page cache, which every block empties: a
/// transfer's admission read its sender and its recipient that way, over a tenth of its CPU. Readers of
/// older heads, and of keys a later block wrote again, read SQLite as before. Only the block producer
/// writes, after each commit and before the head moves; a snapshot opened between the two already sees the
/// new block in SQLite, so a head the image has not taken in yet reads SQLite too.
/// </summary>
public sealed class StateImage
{
    private readonly byte[] _prefix;
    private readonly ConcurrentDictionary<byte[], Version> _entries;
    private ulong _through;

    private StateImage(byte[] prefix, ConcurrentDictionary<byte[], Version> entries, ulong through) =>
        (_prefix, _entries, _through) = (prefix, entries, through);

    /// <summary>The entries under <paramref name="prefix"/> in <paramref name="committed"/>, the state at block <paramref name="head"/>.</summary>
    public static StateImage Load(IStateReader committed, ulong head, ReadOnlySpan<byte> prefix)
    {
        var entries = new ConcurrentDictionary<byte[], Version>(ByteArrayComparer.Instance);
        var key = prefix.ToArray();
        foreach (var (stored, value) in committed.Scan(key))
        {
            entries[stored] = new Version(value, head, null);
        }
        return new StateImage(key, entries, head);
    }

    /// <summary>Takes in the writes of block <paramref name="number"/>, committed on the head before it.</summary>
    public void Apply(ulong number, IEnumerable<KeyValuePair<byte[], byte[]?>> changes)
    {
        foreach (var (key, value) in changes)
        {
            if (key.AsSpan().StartsWith(_prefix))
            {
                _entries[key] = new Version(value, number, _entries.TryGetValue(key, out var last) ? last.Value : null);
            }
        }
        // Published after the entries: a reader that sees this number sees every write of the block.
        Volatile.Write(ref _through, number);
    }

    /// <summary>The state at block <paramref name="head"/>: this image where it knows the value, <paramref name="committed"/> elsewhere.</summary>
    public IStateReader At(ulong head, IStateReader committed) => new Reader(this, head, committed);

    /// <summary>What <paramref name="key"/> held at block <paramref name="head"/>, if this image can tell.</summary>
    private bool TryGet(byte[] key, ulong head, out byte[]? value)
    {
        value = null;
        if (head > Volatile.Read(ref _through) || !key.AsSpan().StartsWith(_prefix))
        {
            return false;
        }
        if (!_entries.TryGetValue(key, out var version))
        {
            return true;
        }
        if (version.Block <= head)
        {
            value = version.Value;
            return true;
        }
        value = version.Before;
        return version.Block == head + 1;
    }

    /// <param name="Block">The block that wrote <paramref name="Value"/> (or the head the image was loaded at).</param>
    /// <param name="Before">What the key held on the head before that block.</param>
    private sealed record Version(byte[]? Value, ulong Block, byte[]? Before);

    private sealed class Reader(StateImage image, ulong head, IStateReader committed) : IStateReader
    {
        public byte[]? Get(byte[] key) => image.TryGet(key, head, out var value) ? value : committed.Get(key);

        public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) => committed.Scan(prefix);
    }
}
