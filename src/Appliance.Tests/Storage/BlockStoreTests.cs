using System.Text.Json.Nodes;
using Appliance.Chain;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Storage;
using Appliance.Tests.Support;
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
            new("Balances", "Transfer", new JsonObject { ["from"] = TestChain.Id(_alice).Address, ["amount"] = 5, ["memo"] = "café <&> \"quoted\" ✓" }, 0),
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

    private ExtrinsicResult Transfer(Ed25519KeyPair signer, ulong nonce, int index, DispatchError? error) => new(
        SignedExtrinsic.Create(signer, new TransferAllowDeath(TestChain.Id(_bob), new Rao(5)), nonce, new Rao(nonce * 7), Hash256.Zero, RuntimeVersion.SpecVersion),
        index, new Rao(125_000 + nonce), error);
}
