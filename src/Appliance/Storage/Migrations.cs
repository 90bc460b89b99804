using Dapper;
using Microsoft.Data.Sqlite;

namespace Appliance.Storage;

/// <summary>
/// The schema, as numbered migrations tracked in PRAGMA user_version; each runs once, in a transaction.
/// State is one key-value table (keys are "Module.Item/" ‖ SCALE key, values SCALE), like Substrate's.
/// </summary>
public static class Migrations
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE blocks (
            number INTEGER PRIMARY KEY,
            hash BLOB NOT NULL UNIQUE,
            parent_hash BLOB NOT NULL,
            state_root BLOB NOT NULL,
            extrinsics_root BLOB NOT NULL,
            timestamp INTEGER NOT NULL,
            author BLOB NOT NULL,
            signature BLOB NOT NULL);
        CREATE TABLE extrinsics (
            block_number INTEGER NOT NULL REFERENCES blocks(number),
            idx INTEGER NOT NULL,
            hash BLOB NOT NULL,
            signer BLOB NOT NULL,
            nonce INTEGER NOT NULL,
            module TEXT NOT NULL,
            call TEXT NOT NULL,
            args TEXT NOT NULL,
            fee INTEGER NOT NULL,
            tip INTEGER NOT NULL,
            success INTEGER NOT NULL,
            error TEXT,
            bytes BLOB NOT NULL,
            PRIMARY KEY (block_number, idx));
        CREATE INDEX extrinsics_by_hash ON extrinsics(hash);
        CREATE INDEX extrinsics_by_signer ON extrinsics(signer);
        CREATE TABLE events (
            block_number INTEGER NOT NULL REFERENCES blocks(number),
            idx INTEGER NOT NULL,
            extrinsic_idx INTEGER,
            module TEXT NOT NULL,
            name TEXT NOT NULL,
            fields TEXT NOT NULL,
            PRIMARY KEY (block_number, idx));
        CREATE TABLE state (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
        """,
        // The UI's per-epoch history reads EpochRun events by name.
        "CREATE INDEX events_by_name ON events(name, block_number, idx);",
        // An extrinsic's events move into its row, one JSON array: a transfer's four event rows cost more
        // to write than the transfer itself. The events table keeps those no extrinsic raised.
        """
        ALTER TABLE extrinsics ADD COLUMN events TEXT NOT NULL DEFAULT '[]';
        UPDATE extrinsics SET events = raised.list
        FROM (SELECT block_number, extrinsic_idx,
                     json_group_array(json_object('module', module, 'name', name, 'fields', json(fields)) ORDER BY idx) AS list
              FROM events WHERE extrinsic_idx IS NOT NULL GROUP BY block_number, extrinsic_idx) AS raised
        WHERE extrinsics.block_number = raised.block_number AND extrinsics.idx = raised.extrinsic_idx;
        DELETE FROM events WHERE extrinsic_idx IS NOT NULL;
        ALTER TABLE events DROP COLUMN extrinsic_idx;
        """,
    ];

    public static int Latest => Steps.Length;

    public static void Apply(SqliteConnection connection) => Apply(connection, Steps.Length);

    /// <summary>Brings the schema up to <paramref name="target"/>, one transaction per step; a newer schema is refused.</summary>
    public static void Apply(SqliteConnection connection, int target)
    {
        var version = connection.ExecuteScalar<int>("PRAGMA user_version");
        if (version > Steps.Length)
        {
            throw new InvalidDataException(
                $"SchemaTooNew: the database schema is version {version}, newer than this appliance knows ({Steps.Length}): upgrade the appliance.");
        }
        for (var step = version; step < Math.Min(target, Steps.Length); step++)
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(Steps[step], transaction: transaction);
            connection.Execute($"PRAGMA user_version = {step + 1}", transaction: transaction);
            transaction.Commit();
        }
    }
}
