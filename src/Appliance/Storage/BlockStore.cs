using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.Chain;
using Appliance.Primitives;
using Appliance.Runtime;
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

    private const string EventColumns = "block_number, idx, module, name, fields";

    /// <summary>
    /// Writes the whole block inside <paramref name="transaction"/>: header, extrinsics, events, state. An
    /// extrinsic's events are stored in its own row, as one JSON array, so a transfer's four events cost no
    /// rows of their own; only events no extrinsic raised (block initialisation, epochs) are rows of the
    /// events table, at their index in the block, which orders the two back into one list. Each table's
    /// INSERT is prepared once per block on the connection's SQLite handle and its parameters bound by position
    /// for every row. The JSON of call arguments and events (SS58 addresses, mostly) is written as UTF-8 on
    /// every core first, as SQLite takes the rows on this thread only.
    /// </summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, SealedBlock block)
    {
        // The statements run in the connection's open transaction, so it must be this one, still pending.
        if (transaction.Connection != connection)
        {
            throw new ArgumentException("The transaction is not open on this connection.", nameof(transaction));
        }
        var (ofExtrinsics, ofBlock) = EventsByExtrinsic(block);
        var (args, events) = ExtrinsicJson(block, ofExtrinsics);
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
            "INSERT INTO extrinsics (block_number, idx, hash, signer, nonce, module, call, args, fee, tip, success, error, bytes, events) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"))
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
                insertExtrinsic.BindText(14, events[i]);
                Run(insertExtrinsic);
            }
        }
        using (var insertEvent = new PreparedStatement(connection, "INSERT INTO events (block_number, idx, module, name, fields) VALUES ($1, $2, $3, $4, $5)"))
        {
            using var json = new JsonBuffer();
            foreach (var idx in ofBlock)
            {
                var e = block.Events[idx];
                insertEvent.BindInt64(1, number);
                insertEvent.BindInt64(2, idx);
                insertEvent.BindText(3, e.Module);
                insertEvent.BindText(4, e.Name);
                insertEvent.BindText(5, json.Write(e));
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

    /// <summary>The block's events in order: the events table's rows at their indexes, the extrinsics' own between them.</summary>
    public static IReadOnlyList<EventRow> Events(SqliteConnection connection, long blockNumber)
    {
        var ofBlock = new Queue<EventRow>(EventsOfBlocks(connection, $"SELECT {EventColumns} FROM events WHERE block_number = @blockNumber ORDER BY idx", new { blockNumber }));
        var events = new List<EventRow>();
        foreach (var (extrinsicIdx, list) in connection.Query<(long, string)>("SELECT idx, events FROM extrinsics WHERE block_number = @blockNumber ORDER BY idx", new { blockNumber }))
        {
            using var json = JsonDocument.Parse(list);
            foreach (var e in json.RootElement.EnumerateArray())
            {
                while (ofBlock.TryPeek(out var next) && next.Idx == events.Count)
                {
                    events.Add(ofBlock.Dequeue());
                }
                events.Add(new EventRow(
                    blockNumber, events.Count, extrinsicIdx, e.GetProperty("module").GetString()!, e.GetProperty("name").GetString()!, e.GetProperty("fields").GetRawText()));
            }
        }
        events.AddRange(ofBlock);
        return events;
    }

    /// <summary>The newest <paramref name="limit"/> events called <paramref name="name"/> whose JSON field <c>netuid</c> is <paramref name="netuid"/>, newest first.</summary>
    public static IReadOnlyList<EventRow> SubnetEvents(SqliteConnection connection, string name, ushort netuid, int limit) =>
        EventsOfBlocks(connection,
            $"SELECT {EventColumns} FROM events WHERE name = @name AND json_extract(fields, '$.netuid') = @netuid ORDER BY block_number DESC, idx DESC LIMIT @limit",
            new { name, netuid = (int)netuid, limit });

    /// <summary>
    /// The newest <paramref name="limit"/> Transfer events of <paramref name="module"/> from or to <paramref name="address"/>,
    /// newest first: extrinsics are read back from the newest, those whose events do not mention the address skipped unparsed.
    /// </summary>
    public static IReadOnlyList<TransferRow> TransfersOf(SqliteConnection connection, string module, string address, int limit)
    {
        using var reader = connection.ExecuteReader(
            """
            SELECT x.block_number, e.value ->> '$.fields'
            FROM extrinsics x, json_each(x.events) e
            WHERE instr(x.events, @address) > 0 AND e.value ->> '$.name' = 'Transfer' AND e.value ->> '$.module' = @module
              AND (e.value ->> '$.fields.from' = @address OR e.value ->> '$.fields.to' = @address)
            ORDER BY x.block_number DESC, x.idx DESC, e.key DESC LIMIT @limit
            """,
            new { module, address, limit });
        var rows = new List<TransferRow>();
        while (reader.Read())
        {
            rows.Add(new TransferRow(reader.GetInt64(0), reader.GetString(1)));
        }
        return rows;
    }

    /// <summary>The newest extrinsics <paramref name="signer"/> signed, newest first.</summary>
    public static IReadOnlyList<ExtrinsicRow> ExtrinsicsBy(SqliteConnection connection, byte[] signer, int limit) =>
        connection.Query<ExtrinsicRow>(
            $"SELECT {ExtrinsicColumns} FROM extrinsics WHERE signer = @signer ORDER BY block_number DESC, idx DESC LIMIT @limit", new { signer, limit }).AsList();

    public static string? Meta(SqliteConnection connection, string key) =>
        connection.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = @key", new { key });

    public static void SetMeta(SqliteConnection connection, SqliteTransaction transaction, string key, string value) =>
        connection.Execute("INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value", new { key, value }, transaction);

    /// <summary>Rows of the events table (those no extrinsic raised) that <paramref name="sql"/> selects as <see cref="EventColumns"/>.</summary>
    private static List<EventRow> EventsOfBlocks(SqliteConnection connection, string sql, object parameters)
    {
        using var reader = connection.ExecuteReader(sql, parameters);
        var rows = new List<EventRow>();
        while (reader.Read())
        {
            rows.Add(new EventRow(reader.GetInt64(0), reader.GetInt64(1), null, reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }
        return rows;
    }

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

    /// <summary>
    /// The events each extrinsic raised, by its position in the block, and the indexes of those none raised.
    /// An extrinsic's events must follow those of the extrinsics before it, as execution deposits them, for
    /// <see cref="Events"/> to put them back in place.
    /// </summary>
    private static (List<RuntimeEvent>[] OfExtrinsics, List<int> OfBlock) EventsByExtrinsic(SealedBlock block)
    {
        var position = new Dictionary<int, int>();
        for (var i = 0; i < block.Extrinsics.Count; i++)
        {
            position.TryAdd(block.Extrinsics[i].Index, i);
        }
        var ofExtrinsics = new List<RuntimeEvent>[block.Extrinsics.Count];
        var ofBlock = new List<int>();
        var last = -1;
        for (var idx = 0; idx < block.Events.Count; idx++)
        {
            var e = block.Events[idx];
            if (e.ExtrinsicIndex is not { } extrinsicIndex)
            {
                ofBlock.Add(idx);
                continue;
            }
            if (!position.TryGetValue(extrinsicIndex, out var at) || at < last)
            {
                throw new ArgumentException($"Event {idx} names extrinsic {extrinsicIndex}, which is not in the block or whose events came earlier.", nameof(block));
            }
            last = at;
            (ofExtrinsics[at] ??= []).Add(e);
        }
        return (ofExtrinsics, ofBlock);
    }

    /// <summary>Each extrinsic's call arguments and events as compact JSON in UTF-8, the bytes ToJsonString() would give, written on every core.</summary>
    private static (byte[][] Args, byte[][] Events) ExtrinsicJson(SealedBlock block, List<RuntimeEvent>[] events)
    {
        var count = block.Extrinsics.Count;
        var (args, lists) = (new byte[count][], new byte[count][]);
        Parallel.For(0, count, () => new JsonBuffer(), (i, _, buffer) =>
        {
            args[i] = buffer.Write(block.Extrinsics[i].Extrinsic.Call.Describe());
            lists[i] = buffer.Write(events[i] ?? []);
            return buffer;
        }, buffer => buffer.Dispose());
        return (args, lists);
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
            return Written();
        }

        /// <summary>An event's fields, as <see cref="RuntimeEvent.WriteFields"/> writes them.</summary>
        public byte[] Write(RuntimeEvent e)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset();
            e.WriteFields(_writer);
            return Written();
        }

        /// <summary>Events as an array of <c>{"module", "name", "fields"}</c> objects.</summary>
        public byte[] Write(IReadOnlyList<RuntimeEvent> events)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset();
            _writer.WriteStartArray();
            foreach (var e in events)
            {
                _writer.WriteStartObject();
                _writer.WriteString("module", e.Module);
                _writer.WriteString("name", e.Name);
                _writer.WritePropertyName("fields");
                e.WriteFields(_writer);
                _writer.WriteEndObject();
            }
            _writer.WriteEndArray();
            return Written();
        }

        private byte[] Written()
        {
            _writer.Flush();
            return _buffer.WrittenSpan.ToArray();
        }

        public void Dispose() => _writer.Dispose();
    }
}
