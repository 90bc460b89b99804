using Appliance.Chain;
using Appliance.State;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// A consistent read of committed state: its own connection in a read transaction, so a block committed
/// meanwhile is not half-seen. What it cannot change it remembers: point reads are cached.
/// </summary>
public sealed class StateSnapshot : IHeadState
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteStateReader _database;
    private readonly ReadCache _reader;

    public StateSnapshot(ChainDatabase database)
    {
        _connection = database.Open();
        _transaction = _connection.BeginTransaction(deferred: true);
        _database = new SqliteStateReader(_connection, _transaction);
        _reader = new ReadCache(_database);
    }

    public byte[]? Get(byte[] key) => _reader.Get(key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) => _reader.Scan(prefix);

    public void Dispose()
    {
        _database.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }
}
