using Appliance.State;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// Committed state as the connection (and its transaction, if any) sees it. Point reads and scans go
/// through statements prepared once on the connection's SQLite handle, kept for the reader's life: a block
/// reads thousands of keys, and preparing the SQL for each, or binding a SqliteCommand's named parameters,
/// cost more than the lookup. A scan reads all its rows before it returns (a metagraph scans thousands), so
/// one statement serves nested scans too. Dispose the reader before its connection.
/// </summary>
public sealed class SqliteStateReader : IStateReader, IDisposable
{
    // Two forms, because SQLite cannot bound an index range by "($2 IS NULL OR key < $2)": with it, every
    // scan ran on to the end of the state table.
    private const string ScanSql = "SELECT key, value FROM state WHERE key >= $1 AND key < $2 ORDER BY key";
    private const string ScanToEndSql = "SELECT key, value FROM state WHERE key >= $1 ORDER BY key";
    private readonly PreparedStatement _get;
    private readonly PreparedStatement _scan;
    private readonly PreparedStatement _scanToEnd;

    /// <param name="transaction">
    /// The connection's open transaction, if any. The statements run on the connection's handle and so in
    /// whatever transaction it has open; this only checks that it is that one.
    /// </param>
    public SqliteStateReader(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        if (transaction is not null && transaction.Connection != connection)
        {
            throw new ArgumentException("The transaction is not open on this connection.", nameof(transaction));
        }
        _get = new PreparedStatement(connection, "SELECT value FROM state WHERE key = $1");
        _scan = new PreparedStatement(connection, ScanSql);
        _scanToEnd = new PreparedStatement(connection, ScanToEndSql);
    }

    public byte[]? Get(byte[] key)
    {
        try
        {
            _get.BindBlob(1, key);
            return _get.Step() ? _get.Blob(0) : null;
        }
        finally
        {
            _get.Reset();
        }
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix)
    {
        var end = PrefixEnd(prefix);
        var statement = end is null ? _scanToEnd : _scan;
        var rows = new List<KeyValuePair<byte[], byte[]>>();
        try
        {
            statement.BindBlob(1, prefix);
            if (end is not null)
            {
                statement.BindBlob(2, end);
            }
            while (statement.Step())
            {
                rows.Add(new(statement.Blob(0)!, statement.Blob(1)!));
            }
        }
        finally
        {
            statement.Reset();
        }
        return rows;
    }

    public void Dispose()
    {
        _get.Dispose();
        _scan.Dispose();
        _scanToEnd.Dispose();
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
