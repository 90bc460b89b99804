using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    /// table's INSERT is prepared once per block on the connection's SQLite handle and its parameters bound by
    /// position for every row. The JSON of call arguments and event fields (SS58 addresses, mostly) is written
    /// as UTF-8 on every core first, as SQLite takes the rows on this thread only.
    /// </summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, SealedBlock block)
    {
        // The statements run in the connection's open transaction, so it must be this one, still pending.
        if (transaction.Connection != connection)
        {
            throw new ArgumentException("The transaction is not open on this connection.", nameof(transaction));
        }
        var args = Utf8Json(block.Extrinsics.Count, i => block.Extrinsics[i].Extrinsic.Call.Describe());
        var fields = Utf8Json(block.Events.Count, i => block.Events[i].Fields);
        var header = block.Header;
        var number = checked((long)header.Number);
        using (var insertBlock = new PreparedStatement(connection,
            "INSERT INTO blocks (number, hash, parent_hash, state_root, extrinsics_root, timestamp, author, signature) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"))
        {
            insertBlock.BindInt64(1, number);
            insertBlock.BindBlob(2, block.Hash.Bytes);
            insertBlock.BindBlob(3, header.ParentHash.Bytes);
            insertBlock.BindBlob(4, header.StateRoot.Bytes);
            insertBlock.BindBlob(5, header.ExtrinsicsRoot.Bytes);
            insertBlock.BindInt64(6, checked((long)header.Timestamp));
            insertBlock.BindBlob(7, header.Author.Bytes);
            insertBlock.BindBlob(8, block.Signature);
            Run(insertBlock);
        }
        using (var insertExtrinsic = new PreparedStatement(connection,
            "INSERT INTO extrinsics (block_number, idx, hash, signer, nonce, module, call, args, fee, tip, success, error, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"))
        {
            for (var i = 0; i < args.Length; i++)
            {
                var r = block.Extrinsics[i];
                var extrinsic = r.Extrinsic;
                insertExtrinsic.BindInt64(1, number);
                insertExtrinsic.BindInt64(2, r.Index);
                insertExtrinsic.BindBlob(3, extrinsic.Hash.Bytes);
                insertExtrinsic.BindBlob(4, extrinsic.Signer.Bytes);
                insertExtrinsic.BindInt64(5, checked((long)extrinsic.Nonce));
                insertExtrinsic.BindText(6, extrinsic.Call.Info.Module);
                insertExtrinsic.BindText(7, extrinsic.Call.Info.Name);
                insertExtrinsic.BindText(8, args[i]);
                insertExtrinsic.BindInt64(9, checked((long)r.Fee.Value));
                insertExtrinsic.BindInt64(10, checked((long)extrinsic.Tip.Value));
                insertExtrinsic.BindInt64(11, r.Success ? 1 : 0);
                insertExtrinsic.BindText(12, r.Error?.ToString());
                insertExtrinsic.BindBlob(13, extrinsic.Encoded);
                Run(insertExtrinsic);
            }
        }
        using (var insertEvent = new PreparedStatement(connection,
            "INSERT INTO events (block_number, idx, extrinsic_idx, module, name, fields) VALUES ($1, $2, $3, $4, $5, $6)"))
        {
            for (var idx = 0; idx < fields.Length; idx++)
            {
                var e = block.Events[idx];
                insertEvent.BindInt64(1, number);
                insertEvent.BindInt64(2, idx);
                if (e.ExtrinsicIndex is { } extrinsicIndex)
                {
                    insertEvent.BindInt64(3, extrinsicIndex);
                }
                else
                {
                    insertEvent.BindNull(3);
                }
                insertEvent.BindText(4, e.Module);
                insertEvent.BindText(5, e.Name);
                insertEvent.BindText(6, fields[idx]);
                Run(insertEvent);
            }
        }
        using var upsertState = new PreparedStatement(connection,
            "INSERT INTO state (key, value) VALUES ($1, $2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        using var deleteState = new PreparedStatement(connection, "DELETE FROM state WHERE key = $1");
        foreach (var (key, value) in block.StateChanges)
        {
            if (value is null)
            {
                deleteState.BindBlob(1, key);
                Run(deleteState);
            }
            else
            {
                upsertState.BindBlob(1, key);
                upsertState.BindBlob(2, value);
                Run(upsertState);
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

    /// <summary>Runs an INSERT or DELETE whose parameters are bound, and makes it ready for the next row.</summary>
    private static void Run(PreparedStatement statement)
    {
        try
        {
            statement.Step();
        }
        finally
        {
            statement.Reset();
        }
    }

    /// <summary>The compact JSON of <paramref name="count"/> nodes as UTF-8, the bytes ToJsonString() would give, written on every core.</summary>
    private static byte[][] Utf8Json(int count, Func<int, JsonNode> node)
    {
        var json = new byte[count][];
        Parallel.For(0, count, () => new JsonBuffer(), (i, _, buffer) =>
        {
            json[i] = buffer.Write(node(i));
            return buffer;
        }, buffer => buffer.Dispose());
        return json;
    }

    /// <summary>One core's writer, reused for each node it writes.</summary>
    private sealed class JsonBuffer : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private readonly Utf8JsonWriter _writer;

        public JsonBuffer() => _writer = new Utf8JsonWriter(_buffer);

        public byte[] Write(JsonNode node)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset();
            node.WriteTo(_writer);
            _writer.Flush();
            return _buffer.WrittenSpan.ToArray();
        }

        public void Dispose() => _writer.Dispose();
    }
}
