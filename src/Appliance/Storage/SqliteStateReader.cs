using Appliance.State;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// Committed state as the connection (and its transaction, if any) sees it. Point reads and scans go
/// through prepared statements kept for the reader's life: a block reads thousands of keys, and preparing
/// the SQL for each cost more than the lookup. A scan reads its rows straight from the data reader (a
/// metagraph scans thousands), all of them before it returns, so one statement serves nested scans too.
/// </summary>
public sealed class SqliteStateReader : IStateReader, IDisposable
{
    // Two forms, because SQLite cannot bound an index range by "(@to IS NULL OR key < @to)": with it, every
    // scan ran on to the end of the state table.
    private const string ScanSql = "SELECT key, value FROM state WHERE key >= $from AND key < $to ORDER BY key";
    private const string ScanToEndSql = "SELECT key, value FROM state WHERE key >= $from ORDER BY key";
    private readonly SqliteCommand _get;
    private readonly SqliteParameter _key;
    private readonly SqliteCommand _scan;
    private readonly SqliteCommand _scanToEnd;

    public SqliteStateReader(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        _get = Command(connection, transaction, "SELECT value FROM state WHERE key = $key");
        _key = _get.Parameters.Add("$key", SqliteType.Blob);
        _scan = Command(connection, transaction, ScanSql);
        _scan.Parameters.Add("$from", SqliteType.Blob);
        _scan.Parameters.Add("$to", SqliteType.Blob);
        _scanToEnd = Command(connection, transaction, ScanToEndSql);
        _scanToEnd.Parameters.Add("$from", SqliteType.Blob);
    }

    public byte[]? Get(byte[] key)
    {
        _key.Value = key;
        return _get.ExecuteScalar() as byte[];
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix)
    {
        var end = PrefixEnd(prefix);
        var command = end is null ? _scanToEnd : _scan;
        command.Parameters[0].Value = prefix;
        if (end is not null)
        {
            command.Parameters[1].Value = end;
        }
        var rows = new List<KeyValuePair<byte[], byte[]>>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new((byte[])reader.GetValue(0), (byte[])reader.GetValue(1)));
        }
        return rows;
    }

    public void Dispose()
    {
        _get.Dispose();
        _scan.Dispose();
        _scanToEnd.Dispose();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

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
