using System.Text.Json.Nodes;
using Appliance.Chain;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Queries;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Storage;
using Appliance.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Appliance.Tests.Storage;

/// <summary>What Insert writes, read back through the API's queries and the state reader, on a real database file.</summary>
public sealed class BlockStoreTests : IDisposable
{
    private static readonly byte[] KeptKey = "Test.Item/kept"u8.ToArray();
    private static readonly byte[] ChangedKey = "Test.Item/changed"u8.ToArray();
    private static readonly byte[] DeletedKey = "Test.Item/deleted"u8.ToArray();
    private readonly TempDirectory _temp = new();
    private readonly Ed25519KeyPair _alice = TestChain.Key("//Alice");
    private readonly Ed25519KeyPair _bob = TestChain.Key("//Bob");
    private readonly SqliteConnection _connection;

    public BlockStoreTests()
    {
        _connection = ChainDatabase.InDataDirectory(_temp.Path).Open();
        Migrations.Apply(_connection);
    }

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
        _alice.Dispose();
        _bob.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Insert_ExtrinsicsEventsStateChangesAndDeletions_ReadBackAsWritten()
    {
        var genesis = Block(0, Hash256.Zero, [], [], [new(KeptKey, [1]), new(ChangedKey, [2]), new(DeletedKey, [3])]);
        Commit(genesis);
        var paid = Transfer(_alice, 0, 0, null);
        var refused = Transfer(_bob, 1, 1, new DispatchError(DispatchErrorCode.InsufficientBalance, "Bob has 0 rao"));
        RuntimeEvent[] events =
        [
            new("Subnets", "EpochRun", new JsonObject { ["netuid"] = 1 }, null),
            new("Balances", "Transfer", new JsonObject { ["from"] = TestChain.Id(_alice).Address, ["amount"] = 5, ["memo"] = "café <&> \"quoted\" ✓" }, 0),
            new("System", "ExtrinsicSuccess", new JsonObject(), 0),
            new("Subnets", "SubnetEmission", new JsonObject { ["netuid"] = 2 }, null),
            new("System", "ExtrinsicFailed", new JsonObject { ["error"] = "InsufficientBalance", ["nested"] = new JsonObject { ["list"] = new JsonArray(1, 2) } }, 1),
            new("Coinbase", "Emission", new JsonObject(), null),
        ];
        var block = Block(1, genesis.Hash, [paid, refused], events, [new(ChangedKey, [4, 5]), new(DeletedKey, null), new("Test.Item/empty"u8.ToArray(), [])]);

        Commit(block);

        var header = BlockStore.ByNumber(_connection, 1)!;
        Assert.Equal(block.Hash.ToArray(), header.Hash);
        Assert.Equal(genesis.Hash.ToArray(), header.ParentHash);
        Assert.Equal(block.Header.StateRoot.ToArray(), header.StateRoot);
        Assert.Equal(block.Header.ExtrinsicsRoot.ToArray(), header.ExtrinsicsRoot);
        Assert.Equal(1_700_000_001_000, header.Timestamp);
        Assert.Equal(TestChain.Id(_alice).ToArray(), header.Author);
        Assert.Equal(block.Signature, header.Signature);

        var extrinsics = BlockStore.Extrinsics(_connection, 1);
        Assert.Equal(2, extrinsics.Count);
        for (var i = 0; i < extrinsics.Count; i++)
        {
            var written = block.Extrinsics[i];
            var row = extrinsics[i];
            Assert.Equal(written.Extrinsic.Hash.ToArray(), row.Hash);
            Assert.Equal(written.Extrinsic.Signer.ToArray(), row.Signer);
            Assert.Equal(written.Extrinsic.Encoded, row.Bytes);
            var call = written.Extrinsic.Call;
            Assert.Equal(
                new ExtrinsicRow(1, i, row.Hash, row.Signer, (long)written.Extrinsic.Nonce, call.Info.Module, call.Info.Name, call.Describe().ToJsonString(),
                    (long)written.Fee.Value, (long)written.Extrinsic.Tip.Value, written.Success ? 1 : 0, written.Error?.ToString(), row.Bytes),
                row);
        }
        Assert.Null(extrinsics[0].Error);
        Assert.Equal("InsufficientBalance: Bob has 0 rao", extrinsics[1].Error);

        Assert.Equal(
            events.Select((e, idx) => new EventRow(1, idx, e.ExtrinsicIndex, e.Module, e.Name, e.Fields.ToJsonString())),
            BlockStore.Events(_connection, 1));

        using var state = new SqliteStateReader(_connection);
        Assert.Equal([1], state.Get(KeptKey));
        Assert.Equal([4, 5], state.Get(ChangedKey));
        Assert.Null(state.Get(DeletedKey));
        Assert.Equal(Array.Empty<byte>(), state.Get("Test.Item/empty"u8.ToArray()));
        Assert.Equal(["Test.Item/changed", "Test.Item/empty", "Test.Item/kept"], state.Scan("Test.Item/"u8.ToArray()).Select(kv => System.Text.Encoding.UTF8.GetString(kv.Key)));
    }

    [Fact]
    public void Insert_EventsOfAnExtrinsicBeforeThoseOfAnEarlierOne_RefusedBeforeWritingAnything()
    {
        var genesis = Block(0, Hash256.Zero, [], [], []);
        Commit(genesis);
        RuntimeEvent[] events = [new("System", "ExtrinsicSuccess", new JsonObject(), 1), new("System", "ExtrinsicSuccess", new JsonObject(), 0)];
        var block = Block(1, genesis.Hash, [Transfer(_alice, 0, 0, null), Transfer(_alice, 1, 1, null)], events, []);

        using (var transaction = _connection.BeginTransaction())
        {
            var refused = Assert.Throws<ArgumentException>(() => BlockStore.Insert(_connection, transaction, block));
            Assert.Contains("Event 1 names extrinsic 0", refused.Message);
            transaction.Rollback();
        }

        Assert.Null(BlockStore.ByNumber(_connection, 1));
    }

    [Fact]
    public void TransfersOf_FromAndToTheAddress_NewestFirst_OtherEventsAndAccountsLeftOut()
    {
        using var charlieKey = TestChain.Key("//Charlie");
        using var daveKey = TestChain.Key("//Dave");
        var (alice, bob, charlie) = (TestChain.Id(_alice).Address, TestChain.Id(_bob).Address, TestChain.Id(charlieKey).Address);
        var genesis = Block(0, Hash256.Zero, [], [], []);
        Commit(genesis);
        var first = Block(1, genesis.Hash, [Transfer(_alice, 0, 0, null), Transfer(_alice, 1, 1, null)],
        [
            new("Balances", "Transfer", TransferFields(alice, bob, 5), 0),
            new("Balances", "Endowed", new JsonObject { ["account"] = charlie, ["free_balance"] = 9 }, 1),
            new("Balances", "Transfer", TransferFields(bob, charlie, 9), 1),
        ], []);
        Commit(first);
        Commit(Block(2, first.Hash, [Transfer(_alice, 2, 0, null)],
            [new("Subnets", "Transfer", TransferFields(charlie, alice, 1), 0), new("Balances", "Transfer", TransferFields(charlie, alice, 2), 0)], []));

        Assert.Equal(
            [new(2, charlie, alice, 2), new(1, bob, charlie, 9)],
            BlockStore.TransfersOf(_connection, "Balances", charlie, 10).Select(TransferRecord.Of));
        Assert.Equal([new TransferRecord(2, charlie, alice, 2)], BlockStore.TransfersOf(_connection, "Balances", alice, 1).Select(TransferRecord.Of));
        Assert.Empty(BlockStore.TransfersOf(_connection, "Balances", TestChain.Id(daveKey).Address, 10));
    }

    [Fact]
    public void Migration3_MovesEachExtrinsicsEventsIntoItsRow_EventsReadBackAsBefore()
    {
        using var temp = new TempDirectory();
        using var connection = ChainDatabase.InDataDirectory(temp.Path).Open();
        Migrations.Apply(connection, 2);
        connection.Execute(
            """
            INSERT INTO blocks VALUES (1, x'01', x'00', x'02', x'03', 1000, x'04', x'05');
            INSERT INTO extrinsics VALUES (1, 0, x'10', x'11', 0, 'Balances', 'transfer_allow_death', '{}', 1, 0, 1, NULL, x'12');
            INSERT INTO extrinsics VALUES (1, 1, x'20', x'21', 0, 'Balances', 'transfer_allow_death', '{}', 1, 0, 0, 'Failed', x'22');
            INSERT INTO events VALUES (1, 0, NULL, 'Subnets', 'EpochRun', '{"netuid":1}');
            INSERT INTO events VALUES (1, 1, 0, 'Balances', 'Transfer', '{"from":"a","to":"b","amount":5}');
            INSERT INTO events VALUES (1, 2, 0, 'System', 'ExtrinsicSuccess', '{}');
            INSERT INTO events VALUES (1, 3, 1, 'System', 'ExtrinsicFailed', '{"error":"Failed"}');
            INSERT INTO events VALUES (1, 4, NULL, 'Coinbase', 'Emission', '{}');
            """);
        var before = connection.Query<EventRow>(
            "SELECT block_number AS BlockNumber, idx AS Idx, extrinsic_idx AS ExtrinsicIdx, module AS Module, name AS Name, fields AS Fields FROM events ORDER BY idx").AsList();

        Migrations.Apply(connection);

        Assert.Equal(Migrations.Latest, connection.ExecuteScalar<int>("PRAGMA user_version"));
        Assert.Equal(before, BlockStore.Events(connection, 1));
        Assert.Equal([0L, 4L], connection.Query<long>("SELECT idx FROM events ORDER BY idx"));
        Assert.Equal([new TransferRow(1, """{"from":"a","to":"b","amount":5}""")], BlockStore.TransfersOf(connection, "Balances", "b", 10));
    }

    [Fact]
    public void Insert_FailsAtItsSecondExtrinsic_SqliteExceptionAndRollbackLeavesNothingOfTheBlock()
    {
        var genesis = Block(0, Hash256.Zero, [], [], [new(KeptKey, [1])]);
        Commit(genesis);
        var clash = Block(1, genesis.Hash, [Transfer(_alice, 0, 0, null), Transfer(_alice, 1, 0, null)], [], [new(KeptKey, [9])]);

        using (var transaction = _connection.BeginTransaction())
        {
            var refused = Assert.Throws<SqliteException>(() => BlockStore.Insert(_connection, transaction, clash));
            Assert.Equal(SQLitePCL.raw.SQLITE_CONSTRAINT, refused.SqliteErrorCode);
            Assert.Contains("extrinsics.block_number, extrinsics.idx", refused.Message);
            transaction.Rollback();
        }

        Assert.Null(BlockStore.ByNumber(_connection, 1));
        Assert.Empty(BlockStore.Extrinsics(_connection, 1));
        using var state = new SqliteStateReader(_connection);
        Assert.Equal([1], state.Get(KeptKey));
    }

    [Fact]
    public void Insert_TransactionOfAnotherConnection_Refused()
    {
        using var other = new SqliteConnection(_connection.ConnectionString);
        other.Open();
        using var transaction = other.BeginTransaction();

        Assert.Throws<ArgumentException>(() => BlockStore.Insert(_connection, transaction, Block(0, Hash256.Zero, [], [], [])));
    }

    private void Commit(SealedBlock block)
    {
        using var transaction = _connection.BeginTransaction();
        BlockStore.Insert(_connection, transaction, block);
        transaction.Commit();
    }

    private SealedBlock Block(ulong number, Hash256 parent, IReadOnlyList<ExtrinsicResult> extrinsics, IReadOnlyList<RuntimeEvent> events,
        IReadOnlyCollection<KeyValuePair<byte[], byte[]?>> changes)
    {
        var header = new Header(parent, number, Hash256.Of([(byte)number, 1]), Hash256.Of([(byte)number, 2]), 1_700_000_000_000 + number * 1000,
            TestChain.Id(_alice));
        var hash = header.Hash();
        return new SealedBlock(header, hash, _alice.Sign(hash.Bytes), extrinsics, events, changes);
    }

    private static JsonObject TransferFields(string from, string to, ulong amount) => new() { ["from"] = from, ["to"] = to, ["amount"] = amount };

    private ExtrinsicResult Transfer(Ed25519KeyPair signer, ulong nonce, int index, DispatchError? error) => new(
        SignedExtrinsic.Create(signer, new TransferAllowDeath(TestChain.Id(_bob), new Rao(5)), nonce, new Rao(nonce * 7), Hash256.Zero, RuntimeVersion.SpecVersion),
        index, new Rao(125_000 + nonce), error);
}
