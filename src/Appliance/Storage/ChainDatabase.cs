using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// The chain's one SQLite file, and the one place its connections are opened: WAL so readers never block
/// the block producer, synchronous=FULL so a committed block survives a crash or power loss. Reads map the
/// file into memory: a reader's page cache starts empty after every block, and mapped pages cost no read call.
/// </summary>
public sealed class ChainDatabase
{
    public const string FileName = "chain.db";
    public const long MappedBytes = 1L << 30;
    public const int WriterCacheKiB = 64 * 1024;
    private readonly string _connectionString;
    private readonly string _synchronous;

    /// <param name="durable">False only for scratch databases (chain verify), which may lose writes on a crash.</param>
    public ChainDatabase(string path, bool durable = true)
    {
        Path = path;
        _synchronous = durable ? "FULL" : "OFF";
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public static ChainDatabase InDataDirectory(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        return new ChainDatabase(System.IO.Path.Combine(dataDirectory, FileName));
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={_synchronous}; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000; PRAGMA mmap_size={MappedBytes};";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    /// <summary>
    /// Gives the connection that writes blocks a page cache of <see cref="WriterCacheKiB"/> (a block's state
    /// writes land on keys spread over the whole state table, and in SQLite's default 2 MiB most missed), and
    /// turns its automatic checkpoint off: the producer calls <see cref="Checkpoint"/> itself, after a block.
    /// </summary>
    public static void UseForWrites(SqliteConnection connection)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA cache_size=-{WriterCacheKiB}; PRAGMA wal_autocheckpoint=0;";
        pragma.ExecuteNonQuery();
    }

    /// <summary>
    /// Copies the write-ahead log back into the database without waiting for anyone. Called after a block,
    /// once the head has moved and the idle snapshots of the one before are closed, every frame can go back:
    /// snapshots opened next read the database alone, and the next commit starts the log over. SQLite's
    /// automatic checkpoint ran inside the commit, while snapshots of the head being replaced still held
    /// their frames, so the log never started over while admission kept a snapshot open, and grew by every block.
    /// </summary>
    public static void Checkpoint(SqliteConnection writer)
    {
        using var checkpoint = writer.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        checkpoint.ExecuteNonQuery();
    }
}
