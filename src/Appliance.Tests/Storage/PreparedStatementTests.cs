using Appliance.Storage;
using Appliance.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using static SQLitePCL.raw;

namespace Appliance.Tests.Storage;

/// <summary>A statement on the connection's native handle, on a real chain database file: values round trip, SQLite's refusals surface as SqliteException.</summary>
public sealed class PreparedStatementTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SqliteConnection _connection;

    public PreparedStatementTests()
    {
        _connection = ChainDatabase.InDataDirectory(_temp.Path).Open();
        Migrations.Apply(_connection);
        _connection.Execute("CREATE TABLE sample (id INTEGER PRIMARY KEY, number INTEGER, bytes BLOB, empty BLOB, utf8 TEXT, text TEXT, long_text TEXT, none BLOB, no_text TEXT)");
    }

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public void Bind_EveryType_StoredWithItsTypeAndReadBack()
    {
        var longText = string.Concat(Enumerable.Repeat("Übertragung ✓ ", 40));
        using (var insert = new PreparedStatement(_connection, "INSERT INTO sample VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"))
        {
            insert.BindInt64(1, 1);
            insert.BindInt64(2, long.MinValue);
            insert.BindBlob(3, new byte[] { 0, 1, 0xFF });
            insert.BindBlob(4, ReadOnlySpan<byte>.Empty);
            insert.BindText(5, "{\"to\":\"5Grw\"}"u8);
            insert.BindText(6, "Balances é");
            insert.BindText(7, longText);
            insert.BindNull(8);
            insert.BindText(9, (string?)null);
            Assert.False(insert.Step());
            insert.Reset();
        }

        var types = _connection.QuerySingle<(string, string, string, string, string, string, string, string)>(
            "SELECT typeof(number), typeof(bytes), typeof(empty), typeof(utf8), typeof(text), typeof(long_text), typeof(none), typeof(no_text) FROM sample");
        Assert.Equal(("integer", "blob", "blob", "text", "text", "text", "null", "null"), types);
        var row = _connection.QuerySingle<(long, string, string, string)>("SELECT number, utf8, text, long_text FROM sample");
        Assert.Equal((long.MinValue, "{\"to\":\"5Grw\"}", "Balances é", longText), row);

        using var select = new PreparedStatement(_connection, "SELECT bytes, empty, none FROM sample WHERE id = $1");
        select.BindInt64(1, 1);
        Assert.True(select.Step());
        Assert.Equal([0, 1, 0xFF], select.Blob(0));
        Assert.Equal(Array.Empty<byte>(), select.Blob(1));
        Assert.False(select.IsNull(1));
        Assert.True(select.IsNull(2));
        Assert.Null(select.Blob(2));
        Assert.False(select.Step());
        select.Reset();
    }

    [Fact]
    public void Step_DuplicateBlockHash_ThrowsSqliteExceptionWithItsCodes_TransactionStillRollsBack()
    {
        using var transaction = _connection.BeginTransaction();
        using var insert = new PreparedStatement(_connection, "INSERT INTO blocks VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        void Bind(long number)
        {
            insert.BindInt64(1, number);
            for (var column = 2; column <= 8; column++)
            {
                insert.BindBlob(column, new byte[32]);
            }
            insert.BindInt64(6, 1_700_000_000_000);
        }
        Bind(0);
        insert.Step();
        insert.Reset();
        Bind(1);

        var duplicate = Assert.Throws<SqliteException>(() => insert.Step());
        insert.Reset();

        Assert.Equal(SQLITE_CONSTRAINT, duplicate.SqliteErrorCode);
        Assert.Equal(SQLITE_CONSTRAINT_UNIQUE, duplicate.SqliteExtendedErrorCode);
        Assert.Contains("UNIQUE constraint failed: blocks.hash", duplicate.Message);

        // Reset cleared the bindings: every column is NULL now.
        var missing = Assert.Throws<SqliteException>(() => insert.Step());
        insert.Reset();
        Assert.Equal(SQLITE_CONSTRAINT_NOTNULL, missing.SqliteExtendedErrorCode);
        Assert.Equal(1, _connection.ExecuteScalar<long>("SELECT COUNT(*) FROM blocks", transaction: transaction));

        transaction.Rollback();
        Assert.Equal(0, _connection.ExecuteScalar<long>("SELECT COUNT(*) FROM blocks"));
    }

    [Fact]
    public void Prepare_BadSql_ThrowsSqliteExceptionNamingTheError()
    {
        var refused = Assert.Throws<SqliteException>(() => new PreparedStatement(_connection, "SELECT value FROM no_such_table"));

        Assert.Equal(SQLITE_ERROR, refused.SqliteErrorCode);
        Assert.Contains("no such table: no_such_table", refused.Message);
    }
}
