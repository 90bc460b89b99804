using Appliance.State;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// Committed state as the connection (and its transaction, if any) sees it. Point reads go through one
/// prepared statement kept for the reader's life: a block reads thousands of keys, and preparing the SQL
/// for each cost more than the lookup.
/// </summary>
public sealed class SqliteStateReader : IStateReader, IDisposable
{
    // Two forms, because SQLite cannot bound an index range by "(@to IS NULL OR key < @to)": with it, every
    // scan ran on to the end of the state table.
    private const string ScanSql = "SELECT key AS Key, value AS Value FROM state WHERE key >= @from AND key < @to ORDER BY key";
    private const string ScanToEndSql = "SELECT key AS Key, value AS Value FROM state WHERE key >= @from ORDER BY key";
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction? _transaction;
    private readonly SqliteCommand _get;
    private readonly SqliteParameter _key;

    public SqliteStateReader(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        _connection = connection;
        _transaction = transaction;
        _get = connection.CreateCommand();
        _get.CommandText = "SELECT value FROM state WHERE key = $key";
        _get.Transaction = transaction;
        _key = _get.Parameters.Add("$key", SqliteType.Blob);
    }

    public byte[]? Get(byte[] key)
    {
        _key.Value = key;
        return _get.ExecuteScalar() as byte[];
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) =>
        (PrefixEnd(prefix) is { } end
            ? _connection.Query<(byte[] Key, byte[] Value)>(ScanSql, new { from = prefix, to = end }, _transaction)
            : _connection.Query<(byte[] Key, byte[] Value)>(ScanToEndSql, new { from = prefix }, _transaction))
            .Select(row => new KeyValuePair<byte[], byte[]>(row.Key, row.Value));

    public void Dispose() => _get.Dispose();

    /// <summary>The smallest key greater than every key with this prefix, or null when there is none.</summary>
    private static byte[]? PrefixEnd(byte[] prefix)
    {
        var end = (byte[])prefix.Clone();
        for (var i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] != 0xFF)
            {
                end[i]++;
                return end[..(i + 1)];
            }
        }
        return null;
    }
}
