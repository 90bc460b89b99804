using System.Text;
using Appliance.Chain;
using Appliance.Primitives;
using Appliance.Storage;
using Appliance.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Appliance.Tests.Storage;

/// <summary>Point reads and scans of committed state, on the writer's connection and in a read transaction of another.</summary>
public sealed class SqliteStateReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ChainDatabase _database;
    private readonly SqliteConnection _writer;
    private ulong _height;

    public SqliteStateReaderTests()
    {
        _database = ChainDatabase.InDataDirectory(_temp.Path);
        _writer = _database.Open();
        Migrations.Apply(_writer);
        Commit(("A.x/1", "one"), ("A.x/2", "two"), ("A.y/1", "other"), ("B.x/1", "b"));
    }

    public void Dispose()
    {
        _writer.Dispose();
        SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }

    [Fact]
    public void Get_MissingKey_Null()
    {
        using var state = new SqliteStateReader(_writer);

        Assert.Null(state.Get(Key("A.x/3")));
        Assert.Equal("one", Text(state.Get(Key("A.x/1"))));
        Assert.Null(state.Get([]));
    }

    [Fact]
    public void Scan_NestedInAnotherScanAndPoint_ReadsEachFully()
    {
        using var state = new SqliteStateReader(_writer);

        var seen = new List<string>();
        foreach (var outer in state.Scan(Key("A.")))
        {
            seen.Add($"{Text(outer.Key)}={Text(outer.Value)}:{state.Scan(Key("A.x/")).Count()}:{Text(state.Get(Key("B.x/1")))}");
        }

        Assert.Equal(["A.x/1=one:2:b", "A.x/2=two:2:b", "A.y/1=other:2:b"], seen);
        Assert.Empty(state.Scan(Key("C.")));
    }

    [Fact]
    public void Scan_PrefixOfAll0xFF_RunsToTheEndOfTheTable()
    {
        using (var transaction = _writer.BeginTransaction())
        {
            BlockStore.Insert(_writer, transaction, Block(_height++, [new([0xFF, 0xFF, 1], [7]), new([0xFF], [8]), new([0xFE, 0xFF], [9])]));
            transaction.Commit();
        }
        using var state = new SqliteStateReader(_writer);

        Assert.Equal([[0xFF], [0xFF, 0xFF, 1]], state.Scan([0xFF]).Select(kv => kv.Key));
        Assert.Equal([[0xFE, 0xFF]], state.Scan([0xFE]).Select(kv => kv.Key));
    }

    [Fact]
    public void Snapshot_BlockCommittedLaterOnTheWriter_NotSeenUntilANewTransaction()
    {
        using var connection = _database.Open();
        using (var transaction = connection.BeginTransaction(deferred: true))
        using (var snapshot = new SqliteStateReader(connection, transaction))
        {
            // SQLite fixes a deferred transaction's view at its first read.
            Assert.Equal("one", Text(snapshot.Get(Key("A.x/1"))));

            Commit(("A.x/1", "changed"), ("A.x/3", "three"), ("A.x/2", null));

            Assert.Equal("one", Text(snapshot.Get(Key("A.x/1"))));
            Assert.Null(snapshot.Get(Key("A.x/3")));
            Assert.Equal(["A.x/1=one", "A.x/2=two"], snapshot.Scan(Key("A.x/")).Select(kv => $"{Text(kv.Key)}={Text(kv.Value)}"));
        }
        using var now = new SqliteStateReader(connection);
        Assert.Equal("changed", Text(now.Get(Key("A.x/1"))));
        Assert.Equal(["A.x/1=changed", "A.x/3=three"], now.Scan(Key("A.x/")).Select(kv => $"{Text(kv.Key)}={Text(kv.Value)}"));
    }

    private void Commit(params (string Key, string? Value)[] changes)
    {
        using var transaction = _writer.BeginTransaction();
        BlockStore.Insert(_writer, transaction, Block(_height++, changes.Select(c => new KeyValuePair<byte[], byte[]?>(Key(c.Key), c.Value is null ? null : Key(c.Value))).ToList()));
        transaction.Commit();
    }

    private static SealedBlock Block(ulong number, IReadOnlyCollection<KeyValuePair<byte[], byte[]?>> changes)
    {
        var header = new Header(Hash256.Zero, number, Hash256.Zero, Hash256.Zero, number, new AccountId(new byte[AccountId.Size]));
        return new SealedBlock(header, header.Hash(), [], [], [], changes);
    }

    private static byte[] Key(string text) => Encoding.UTF8.GetBytes(text);

    private static string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);
}
