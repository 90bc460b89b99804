using Microsoft.Data.Sqlite;
using static SQLitePCL.raw;

namespace Appliance.Storage;

/// <summary>The SQLite errors that mean the data folder cannot take a write now, in words for the log.</summary>
public static class StorageFault
{
    public static string? Describe(SqliteException e) => (e.SqliteErrorCode, e.SqliteExtendedErrorCode & 0xff) switch
    {
        (SQLITE_FULL, _) or (_, SQLITE_FULL) => "the disk is full (SQLITE_FULL)",
        (SQLITE_READONLY, _) or (_, SQLITE_READONLY) => "the data folder is read-only (SQLITE_READONLY)",
        (SQLITE_IOERR, _) or (_, SQLITE_IOERR) => $"the disk refused a write (SQLITE_IOERR, extended code {e.SqliteExtendedErrorCode})",
        (SQLITE_CANTOPEN, _) => "the database file cannot be opened for writing (SQLITE_CANTOPEN)",
        _ => null,
    };
}
