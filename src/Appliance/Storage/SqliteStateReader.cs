using Appliance.State;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>Committed state as the connection (and its transaction, if any) sees it.</summary>
public sealed class SqliteStateReader(SqliteConnection connection, SqliteTransaction? transaction = null) : IStateReader
{
    private const string GetSql = "SELECT value FROM state WHERE key = @key";
    // Two forms, because SQLite cannot bound an index range by "(@to IS NULL OR key < @to)": with it, every
    // scan ran on to the end of the state table.
    private const string ScanSql = "SELECT key AS Key, value AS Value FROM state WHERE key >= @from AND key < @to ORDER BY key";
    private const string ScanToEndSql = "SELECT key AS Key, value AS Value FROM state WHERE key >= @from ORDER BY key";

    public byte[]? Get(byte[] key) => connection.ExecuteScalar<byte[]?>(GetSql, new { key }, transaction);

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) =>
        (PrefixEnd(prefix) is { } end
            ? connection.Query<(byte[] Key, byte[] Value)>(ScanSql, new { from = prefix, to = end }, transaction)
            : connection.Query<(byte[] Key, byte[] Value)>(ScanToEndSql, new { from = prefix }, transaction))
            .Select(row => new KeyValuePair<byte[], byte[]>(row.Key, row.Value));

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
