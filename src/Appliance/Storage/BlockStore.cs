using Appliance.Chain;
using Appliance.Primitives;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>Blocks, their extrinsics and events, and the state they wrote; one transaction per block.</summary>
public static class BlockStore
{
    private const string BlockColumns =
        "number AS Number, hash AS Hash, parent_hash AS ParentHash, state_root AS StateRoot, extrinsics_root AS ExtrinsicsRoot, timestamp AS Timestamp, author AS Author, signature AS Signature";

    private const string ExtrinsicColumns =
        "block_number AS BlockNumber, idx AS Idx, hash AS Hash, signer AS Signer, nonce AS Nonce, module AS Module, call AS Call, args AS Args, fee AS Fee, tip AS Tip, success AS Success, error AS Error, bytes AS Bytes";

    private const string EventColumns =
        "block_number AS BlockNumber, idx AS Idx, extrinsic_idx AS ExtrinsicIdx, module AS Module, name AS Name, fields AS Fields";

    /// <summary>
    /// Writes the whole block inside <paramref name="transaction"/>: header, extrinsics, events, state. Each
    /// table's INSERT is prepared once per block and its parameters reused for every row. The JSON of call
    /// arguments and event fields (SS58 addresses, mostly) is written on every core first, as SQLite takes
    /// the rows on this thread only.
    /// </summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, SealedBlock block)
    {
        var args = new string[block.Extrinsics.Count];
        Parallel.For(0, args.Length, i => args[i] = block.Extrinsics[i].Extrinsic.Call.Describe().ToJsonString());
        var fields = new string[block.Events.Count];
        Parallel.For(0, fields.Length, i => fields[i] = block.Events[i].Fields.ToJsonString());
        var header = block.Header;
        var number = checked((long)header.Number);
        using (var insertBlock = new Statement(connection, transaction,
            "INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, timestamp, author, signature) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"))
        {
            insertBlock.Run(number, block.Hash.ToArray(), header.ParentHash.ToArray(), header.StateRoot.ToArray(), header.ExtrinsicsRoot.ToArray(),
                checked((long)header.Timestamp), header.Author.ToArray(), block.Signature);
        }
        using (var insertExtrinsic = new Statement(connection, transaction,
            "INSERT INTO extrinsics (block_number, idx, hash, signer, nonce, module, call, args, fee, tip, success, error, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"))
        {
            for (var i = 0; i < args.Length; i++)
            {
                var r = block.Extrinsics[i];
                var extrinsic = r.Extrinsic;
                insertExtrinsic.Run(number, r.Index, extrinsic.Hash.ToArray(), extrinsic.Signer.ToArray(), checked((long)extrinsic.Nonce),
                    extrinsic.Call.Info.Module, extrinsic.Call.Info.Name, args[i], checked((long)r.Fee.Value),
                    checked((long)extrinsic.Tip.Value), r.Success ? 1 : 0, r.Error?.ToString(), extrinsic.Encoded);
            }
        }
        using (var insertEvent = new Statement(connection, transaction,
            "INSERT INTO events (block_number, idx, extrinsic_idx, module, name, fields) VALUES ($1, $2, $3, $4, $5, $6)"))
        {
            for (var idx = 0; idx < block.Events.Count; idx++)
            {
                var e = block.Events[idx];
                insertEvent.Run(number, idx, e.ExtrinsicIndex, e.Module, e.Name, fields[idx]);
            }
        }
        using var upsertState = new Statement(connection, transaction,
            "INSERT INTO state (key, value) VALUES ($1, $2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        using var deleteState = new Statement(connection, transaction, "DELETE FROM state WHERE key = $1");
        foreach (var (key, value) in block.StateChanges)
        {
            if (value is null)
            {
                deleteState.Run(key);
            }
            else
            {
                upsertState.Run(key, value);
            }
        }
    }

    public static BlockRow? Head(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        connection.QuerySingleOrDefault<BlockRow>($"SELECT {BlockColumns} FROM blocks ORDER BY number DESC LIMIT 1", transaction: transaction);

    public static BlockRow? ByNumber(SqliteConnection connection, long number) =>
        connection.QuerySingleOrDefault<BlockRow>($"SELECT {BlockColumns} FROM blocks WHERE number = @number", new { number });

    public static BlockRow? ByHash(SqliteConnection connection, Hash256 hash) =>
        connection.QuerySingleOrDefault<BlockRow>($"SELECT {BlockColumns} FROM blocks WHERE hash = @hash", new { hash = hash.ToArray() });

    /// <summary>Blocks from <paramref name="from"/> upwards in order, read lazily (for replay).</summary>
    public static IEnumerable<BlockRow> Ascending(SqliteConnection connection, long from) =>
        connection.Query<BlockRow>($"SELECT {BlockColumns} FROM blocks WHERE number >= @from ORDER BY number", new { from }, buffered: false);

    public static IReadOnlyList<BlockSummaryRow> Recent(SqliteConnection connection, long? before, int count) =>
        connection.Query<BlockSummaryRow>(
            """
            SELECT b.number AS Number, b.hash AS Hash, b.timestamp AS Timestamp,
                   CAST((SELECT COUNT(*) FROM extrinsics e WHERE e.block_number = b.number) AS INTEGER) AS ExtrinsicCount
            FROM blocks b WHERE @before IS NULL OR b.number < @before ORDER BY b.number DESC LIMIT @count
            """,
            new { before, count }).AsList();

    public static IReadOnlyList<ExtrinsicRow> Extrinsics(SqliteConnection connection, long blockNumber) =>
        connection.Query<ExtrinsicRow>($"SELECT {ExtrinsicColumns} FROM extrinsics WHERE block_number = @blockNumber ORDER BY idx", new { blockNumber }).AsList();

    public static ExtrinsicRow? ExtrinsicByHash(SqliteConnection connection, Hash256 hash) =>
        connection.QueryFirstOrDefault<ExtrinsicRow>($"SELECT {ExtrinsicColumns} FROM extrinsics WHERE hash = @hash", new { hash = hash.ToArray() });

    public static IReadOnlyList<EventRow> Events(SqliteConnection connection, long blockNumber) =>
        connection.Query<EventRow>($"SELECT {EventColumns} FROM events WHERE block_number = @blockNumber ORDER BY idx", new { blockNumber }).AsList();

    /// <summary>The newest <paramref name="limit"/> events called <paramref name="name"/> whose JSON field <c>netuid</c> is <paramref name="netuid"/>, newest first.</summary>
    public static IReadOnlyList<EventRow> SubnetEvents(SqliteConnection connection, string name, ushort netuid, int limit) =>
        connection.Query<EventRow>(
            $"SELECT {EventColumns} FROM events WHERE name = @name AND json_extract(fields, '$.netuid') = @netuid ORDER BY block_number DESC, idx DESC LIMIT @limit",
            new { name, netuid = (int)netuid, limit }).AsList();

    /// <summary>The newest <paramref name="limit"/> Transfer events of <paramref name="module"/> from or to <paramref name="address"/>, newest first.</summary>
    public static IReadOnlyList<EventRow> TransfersOf(SqliteConnection connection, string module, string address, int limit) =>
        connection.Query<EventRow>(
            $"""
            SELECT {EventColumns} FROM events
            WHERE name = 'Transfer' AND module = @module AND (json_extract(fields, '$.from') = @address OR json_extract(fields, '$.to') = @address)
            ORDER BY block_number DESC, idx DESC LIMIT @limit
            """,
            new { module, address, limit }).AsList();

    /// <summary>The newest extrinsics <paramref name="signer"/> signed, newest first.</summary>
    public static IReadOnlyList<ExtrinsicRow> ExtrinsicsBy(SqliteConnection connection, byte[] signer, int limit) =>
        connection.Query<ExtrinsicRow>(
            $"SELECT {ExtrinsicColumns} FROM extrinsics WHERE signer = @signer ORDER BY block_number DESC, idx DESC LIMIT @limit", new { signer, limit }).AsList();

    public static string? Meta(SqliteConnection connection, string key) =>
        connection.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = @key", new { key });

    public static void SetMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value) =>
        connection.Execute("INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value", new { key, value }, transaction);

    /// <summary>One prepared statement with positional parameters $1..$n, bound afresh for each row.</summary>
    private sealed class Statement : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;

        public Statement(SqliteConnection connection, SqliteTransaction transaction, string sql)
        {
            _command = connection.CreateCommand();
            _command.CommandText = sql;
            _command.Transaction = transaction;
            _parameters = new SqliteParameter[sql.Count(c => c == '$')];
            for (var i = 0; i < _parameters.Length; i++)
            {
                _parameters[i] = _command.Parameters.Add(new SqliteParameter { ParameterName = $"${i + 1}" });
            }
            _command.Prepare();
        }

        public void Run(params ReadOnlySpan<object?> values)
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                _parameters[i].Value = values[i] ?? DBNull.Value;
            }
            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }
}
