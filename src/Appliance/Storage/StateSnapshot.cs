using Appliance.Chain;
using Appliance.Primitives;
using Appliance.State;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// A consistent read of committed state: its own connection in a read transaction, so a block committed
/// meanwhile is not half-seen. What it cannot change it remembers: point reads are cached, in the store of
/// reads that every reader of the same head shares when the chain lends one.
/// </summary>
public sealed class StateSnapshot : IHeadState
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteStateReader _database;
    private readonly ReadCache _reader;

    /// <param name="readsOf">The store of reads for the head this snapshot turns out to see.</param>
    /// <param name="image">Committed entries kept in memory, read before SQLite.</param>
    public StateSnapshot(ChainDatabase database, Func<Hash256, StateReads> readsOf, StateImage image)
    {
        _connection = database.Open();
        _transaction = _connection.BeginTransaction(deferred: true);
        // The first read fixes what a deferred transaction sees, so the head is read first: a block
        // committed between choosing a snapshot and reading from it cannot then mislabel its reads.
        var head = BlockStore.Head(_connection, _transaction)!;
        Head = new Hash256(head.Hash);
        _database = new SqliteStateReader(_connection, _transaction);
        _reader = new ReadCache(image.At((ulong)head.Number, _database), readsOf(Head));
    }

    public Hash256 Head { get; }

    public byte[]? Get(byte[] key) => _reader.Get(key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) => _reader.Scan(prefix);

    public void Dispose()
    {
        _database.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }
}
