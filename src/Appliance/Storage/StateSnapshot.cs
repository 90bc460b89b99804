using Appliance.Chain;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// A consistent read of committed state: its own connection in a read transaction, so a block committed
/// meanwhile is not half-seen.
/// </summary>
public sealed class StateSnapshot : IHeadState
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteStateReader _reader;

    public StateSnapshot(ChainDatabase database)
    {
        _connection = database.Open();
        _transaction = _connection.BeginTransaction(deferred: true);
        _reader = new SqliteStateReader(_connection, _transaction);
    }

    public byte[]? Get(byte[] key) => _reader.Get(key);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) => _reader.Scan(prefix);

    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }
}
