using System.Collections.Concurrent;

namespace Appliance.State;

/// <summary>
/// The point reads known of one committed state, shared by every reader of it on any thread: what admission
/// read for an extrinsic's dry run, the block built on that state finds without asking SQLite again. The next
/// state's reads start from these and the block's writes, without copying them: what the block did not write
/// reads as before, what it wrote reads as written. Only one state back is kept, so memory stays bounded.
/// </summary>
public sealed class StateReads
{
    private readonly ConcurrentDictionary<byte[], byte[]?> _own = new(ByteArrayComparer.Instance);
    private readonly Dictionary<byte[], byte[]?>? _written;
    private readonly ConcurrentDictionary<byte[], byte[]?>? _before;
    private readonly Dictionary<byte[], byte[]?>? _writtenBefore;

    public StateReads()
    {
    }

    private StateReads(Dictionary<byte[], byte[]?> written, StateReads before)
    {
        _written = written;
        _before = before._own;
        _writtenBefore = before._written;
    }

    /// <summary>The reads of the state that <paramref name="writes"/> (a block's state changes) make of this one.</summary>
    public StateReads Next(IReadOnlyCollection<KeyValuePair<byte[], byte[]?>> writes) =>
        new(new Dictionary<byte[], byte[]?>(writes, ByteArrayComparer.Instance), this);

    public bool TryGet(byte[] key, out byte[]? value) =>
        _own.TryGetValue(key, out value)
        || (_written?.TryGetValue(key, out value) ?? false)
        || (_before?.TryGetValue(key, out value) ?? false)
        || (_writtenBefore?.TryGetValue(key, out value) ?? false);

    /// <summary>Remembers what <paramref name="key"/> reads in this state; returns the value remembered first.</summary>
    public byte[]? Add(byte[] key, byte[]? value) => _own.GetOrAdd(key, value);
}
