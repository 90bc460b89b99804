using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// SQLite's quick_check, run when the node opens its chain: a damaged page is reported at start-up, naming
/// the file, rather than surfacing later as a failed block or a wrong read. quick_check skips only the index
/// cross-checks of integrity_check, so it stays fast on a chain of many blocks.
/// </summary>
public static class IntegrityCheck
{
    public static SqliteConnection OpenChecked(ChainDatabase database)
    {
        SqliteConnection? connection = null;
        try
        {
            connection = database.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check(1)";
            var result = command.ExecuteScalar() as string;
            return result == "ok" ? connection : throw Corrupt(database.Path, result ?? "no answer");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB)
        {
            connection?.Dispose();
            throw Corrupt(database.Path, e.Message);
        }
        catch (InvalidDataException)
        {
            connection?.Dispose();
            throw;
        }
    }

    private static InvalidDataException Corrupt(string path, string problem) => new(
        $"CorruptDatabase: {path} fails SQLite's integrity check ({problem.ReplaceLineEndings(" ")}); restore the data folder from a copy, or start a new chain in another folder.");
}
