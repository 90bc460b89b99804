using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using static SQLitePCL.raw;

namespace Appliance.Storage;

/// <summary>
/// One SQL statement prepared once on a connection's native handle and run many times, its parameters bound
/// by position ($1 is 1) and its columns read straight from SQLite. SqliteCommand looks every parameter up by
/// name and allocates on each execution, which cost as much as SQLite's own work when sealing a block. The
/// statement runs in whatever transaction the connection has open; dispose it before closing the connection.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    // Strings up to this many UTF-8 bytes (module, call and event names, errors) are encoded on the stack.
    private const int StackTextBytes = 256;
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var result = sqlite3_prepare_v2(_database, sql, out _statement);
        if (result != SQLITE_OK)
        {
            _statement.Dispose();
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }

    public void BindInt64(int index, long value) => Check(sqlite3_bind_int64(_statement, index, value));

    public void BindBlob(int index, ReadOnlySpan<byte> value) => Check(sqlite3_bind_blob(_statement, index, value));

    public void BindText(int index, ReadOnlySpan<byte> utf8) => Check(sqlite3_bind_text(_statement, index, utf8));

    /// <summary>Binds <paramref name="value"/> as UTF-8 TEXT, or NULL when it is null.</summary>
    public void BindText(int index, string? value)
    {
        if (value is null)
        {
            BindNull(index);
        }
        else if (Encoding.UTF8.GetMaxByteCount(value.Length) <= StackTextBytes)
        {
            Span<byte> utf8 = stackalloc byte[StackTextBytes];
            BindText(index, utf8[..Encoding.UTF8.GetBytes(value, utf8)]);
        }
        else
        {
            Check(sqlite3_bind_text(_statement, index, value));
        }
    }

    public void BindNull(int index) => Check(sqlite3_bind_null(_statement, index));

    /// <summary>Runs the statement to its next row: true when there is one to read, false when it is done.</summary>
    /// <exception cref="SqliteException">SQLite refused (a constraint, a full disk, a busy database), with its error codes.</exception>
    public bool Step()
    {
        var result = sqlite3_step(_statement);
        if (result == SQLITE_ROW)
        {
            return true;
        }
        Check(result);
        return false;
    }

    /// <summary>Makes the statement ready to run again with every parameter NULL; call it after each run, failed or not.</summary>
    public void Reset()
    {
        // reset repeats the error of a failed step, which Step has already thrown.
        _ = sqlite3_reset(_statement);
        Check(sqlite3_clear_bindings(_statement));
    }

    public bool IsNull(int column) => sqlite3_column_type(_statement, column) == SQLITE_NULL;

    /// <summary>The column of the current row as bytes (a copy: SQLite's buffer lasts only until the next step), or null when NULL.</summary>
    public byte[]? Blob(int column) => IsNull(column) ? null : sqlite3_column_blob(_statement, column).ToArray();

    public void Dispose() => _statement.Dispose();

    private void Check(int result) => SqliteException.ThrowExceptionForRC(result, _database);
}
