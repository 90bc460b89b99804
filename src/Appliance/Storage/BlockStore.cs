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

    /// <summary>Writes the whole block inside <paramref name="transaction"/>: header, extrinsics, events, state.</summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, SealedBlock block)
    {
        const string insertBlock = """
            INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, timestamp, author, signature)
            VALUES (@number, @hash, @parent, @stateRoot, @extrinsicsRoot, @timestamp, @author, @signature)
            """;
        const string insertExtrinsic = """
            INSERT INTO extrinsics (block_number, idx, hash, signer, nonce, module, call, args, fee, tip, success, error, bytes)
            VALUES (@number, @idx, @hash, @signer, @nonce, @module, @call, @args, @fee, @tip, @success, @error, @bytes)
            """;
        const string insertEvent = """
            INSERT INTO events (block_number, idx, extrinsic_idx, module, name, fields)
            VALUES (@number, @idx, @extrinsicIdx, @module, @name, @fields)
            """;
        const string upsertState = "INSERT INTO state (key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        const string deleteState = "DELETE FROM state WHERE key = @key";

        var header = block.Header;
        var number = checked((long)header.Number);
        connection.Execute(insertBlock, new
        {
            number,
            hash = block.Hash.ToArray(),
            parent = header.ParentHash.ToArray(),
            stateRoot = header.StateRoot.ToArray(),
            extrinsicsRoot = header.ExtrinsicsRoot.ToArray(),
            timestamp = checked((long)header.Timestamp),
            author = header.Author.ToArray(),
            signature = block.Signature,
        }, transaction);
        connection.Execute(insertExtrinsic, block.Extrinsics.Select(r => new
        {
            number,
            idx = r.Index,
            hash = r.Extrinsic.Hash.ToArray(),
            signer = r.Extrinsic.Signer.ToArray(),
            nonce = checked((long)r.Extrinsic.Nonce),
            module = r.Extrinsic.Call.Info.Module,
            call = r.Extrinsic.Call.Info.Name,
            args = r.Extrinsic.Call.Describe().ToJsonString(),
            fee = checked((long)r.Fee.Value),
            tip = checked((long)r.Extrinsic.Tip.Value),
            success = r.Success ? 1 : 0,
            error = r.Error?.ToString(),
            bytes = r.Extrinsic.Encoded,
        }), transaction);
        connection.Execute(insertEvent, block.Events.Select((e, idx) => new
        {
            number,
            idx,
            extrinsicIdx = e.ExtrinsicIndex,
            module = e.Module,
            name = e.Name,
            fields = e.Fields.ToJsonString(),
        }), transaction);
        connection.Execute(upsertState, block.StateChanges.Where(c => c.Value is not null).Select(c => new { key = c.Key, value = c.Value }), transaction);
        connection.Execute(deleteState, block.StateChanges.Where(c => c.Value is null).Select(c => new { key = c.Key }), transaction);
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
}
