using System.Collections.Concurrent;
using Appliance.Chain;
using Appliance.Chain.Genesis;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime.System;
using Appliance.State;
using Appliance.Storage;
using Microsoft.Data.Sqlite;

namespace Appliance.Node;

/// <summary>
/// The node's chain: opens (or creates) the database, checks it was made from this genesis config, keeps
/// the head, and seals and commits blocks, each in ONE SQLite transaction.
/// </summary>
public sealed class ChainService : IChainState, IDisposable
{
    private const int MaxIdleSnapshots = 8;
    // SQLite checkpoints by itself once the log holds 1,000 pages; rows and events written stand in for pages
    // here (a row changes a page of its table and of each of its indexes; an extrinsic's events lengthen its
    // row), counted from the last checkpoint.
    private const int CheckpointRows = 1_000;
    private readonly SqliteConnection _writer;
    private readonly SqliteStateReader _headReader;
    private readonly StateImage _accounts;
    private readonly Ed25519KeyPair? _authority;
    private readonly Lock _gate = new();
    // A queue, not a bag: a bag's Count locks every thread's list, and each returned snapshot asks it.
    private readonly ConcurrentQueue<PooledSnapshot> _idleSnapshots = new();
    private ChainHead _head;
    private HeadReads _headReads;
    private int _rowsSinceCheckpoint;
    private volatile bool _disposed;

    /// <param name="genesis">Null: the chain the database holds, or a new development chain when it holds none.</param>
    public ChainService(ChainDatabase database, GenesisConfig? genesis, Ed25519KeyPair? authority)
    {
        Database = database;
        _authority = authority;
        _writer = IntegrityCheck.OpenChecked(database);
        ChainDatabase.UseForWrites(_writer);
        Migrations.Apply(_writer);
        var stored = BlockStore.ByNumber(_writer, 0);
        genesis ??= stored is not null && BlockStore.Meta(_writer, "genesis_config") is { } storedJson
            ? GenesisConfig.ParseStored(storedJson, $"the genesis config stored in {database.Path}")
            : GenesisConfig.Development();
        var (genesisHeader, genesisState) = GenesisBlock.Build(genesis, EmptyState.Instance);
        GenesisHash = genesisHeader.Hash();
        Authority = genesisHeader.Author;
        if (authority is not null && new AccountId(authority.PublicKey) != Authority)
        {
            throw new GenesisException($"AuthorityMismatch: the authority key is {new AccountId(authority.PublicKey)}, but genesis names {Authority}.");
        }
        if (stored is null)
        {
            using var transaction = _writer.BeginTransaction();
            BlockStore.Insert(_writer, transaction, new SealedBlock(genesisHeader, GenesisHash, [], [], [], genesisState.Changes));
            BlockStore.SetMeta(_writer, transaction, "genesis_config", genesis.ToJson());
            transaction.Commit();
        }
        else if (new Hash256(stored.Hash) != GenesisHash)
        {
            throw new GenesisException(
                $"GenesisMismatch: {database.Path} holds the chain with genesis {new Hash256(stored.Hash)}, but this genesis config builds {GenesisHash}; use the original config or another data folder.");
        }
        Executor = new BlockExecutor(GenesisHash);
        _head = ToHead(BlockStore.Head(_writer)!);
        _headReads = new HeadReads(_head.Hash, new StateReads());
        _headReader = new SqliteStateReader(_writer);
        _accounts = StateImage.Load(_headReader, _head.Number, SystemModule.Account.Prefix.Span);
    }

    public ChainDatabase Database { get; }

    public Hash256 GenesisHash { get; }

    public AccountId Authority { get; }

    public BlockExecutor Executor { get; }

    public ChainHead Head => Volatile.Read(ref _head);

    /// <summary>
    /// A snapshot of the head, reused while the head stays the same: admission opens one per extrinsic, and
    /// opening a connection and a read transaction cost more than the reads it makes. A snapshot found to be
    /// of an older head is closed instead. Snapshots of the head share their point reads with each other
    /// and with the block built on it.
    /// </summary>
    public IHeadState OpenSnapshot()
    {
        var head = Head.Hash;
        while (_idleSnapshots.TryDequeue(out var idle))
        {
            if (idle.Head == head)
            {
                return idle.Lend();
            }
            idle.Close();
        }
        return new PooledSnapshot(this, new StateSnapshot(Database, ReadsOf, _accounts));
    }

    public SqliteConnection OpenConnection() => Database.Open();

    /// <summary>
    /// Builds the next block from the extrinsics <paramref name="select"/> picks on the head state, seals it
    /// with the authority key and commits it whole.
    /// </summary>
    public (SealedBlock Block, IReadOnlyList<(SignedExtrinsic Extrinsic, ValidityError Reason)> Rejected) ProduceBlock(
        ulong timestamp, Func<IStateReader, IEnumerable<SignedExtrinsic>> select)
    {
        if (_authority is null)
        {
            throw new InvalidOperationException("This node has no authority key and cannot seal blocks.");
        }
        lock (_gate)
        {
            var parent = _head;
            // The head cannot change while the gate is held, so the pool's selection and the build share the
            // reads admission made of it.
            var headState = new ReadCache(_accounts.At(parent.Number, _headReader), _headReads.Reads);
            var built = BlockBuilder.Build(
                Executor, headState, parent, Math.Max(timestamp, parent.Header.Timestamp + 1), Authority, select(headState), checkSignatures: false);
            var hash = built.Header.Hash();
            var block = new SealedBlock(built.Header, hash, _authority.Sign(hash.Bytes), built.Extrinsics, built.Events, built.State.Changes);
            using (var transaction = _writer.BeginTransaction())
            {
                BlockStore.Insert(_writer, transaction, block);
                transaction.Commit();
            }
            _accounts.Apply(block.Header.Number, block.StateChanges);
            Volatile.Write(ref _headReads, new HeadReads(hash, _headReads.Reads.Next(block.StateChanges)));
            Volatile.Write(ref _head, new ChainHead(block.Header, hash));
            CloseIdleSnapshots();
            _rowsSinceCheckpoint += 1 + block.Extrinsics.Count + block.Events.Count + block.StateChanges.Count;
            if (_rowsSinceCheckpoint >= CheckpointRows)
            {
                ChainDatabase.Checkpoint(_writer);
                _rowsSinceCheckpoint = 0;
            }
            return (block, built.Rejected);
        }
    }

    public static ChainHead ToHead(BlockRow row) => new(
        new Header(new Hash256(row.ParentHash), (ulong)row.Number, new Hash256(row.StateRoot), new Hash256(row.ExtrinsicsRoot),
            (ulong)row.Timestamp, new AccountId(row.Author)),
        new Hash256(row.Hash));

    /// <summary>The head's shared reads for a snapshot of <paramref name="head"/>; reads of an older head stay the snapshot's own.</summary>
    private StateReads ReadsOf(Hash256 head)
    {
        var current = Volatile.Read(ref _headReads);
        return current.Head == head ? current.Reads : new StateReads();
    }

    /// <summary>Idle snapshots of an old head hold back the WAL checkpoint; close them once a block is committed.</summary>
    private void CloseIdleSnapshots()
    {
        var count = _idleSnapshots.Count;
        for (var i = 0; i < count && _idleSnapshots.TryDequeue(out var idle); i++)
        {
            if (idle.Head == Head.Hash)
            {
                _idleSnapshots.Enqueue(idle);
            }
            else
            {
                idle.Close();
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idleSnapshots.TryDequeue(out var idle))
        {
            idle.Close();
        }
        _headReader.Dispose();
        _writer.Dispose();
    }

    /// <summary>A snapshot lent out by <see cref="OpenSnapshot"/>; disposing it gives it back while its head is still the head.</summary>
    private sealed class PooledSnapshot(ChainService chain, StateSnapshot snapshot) : IHeadState
    {
        private int _returned;

        public Hash256 Head => snapshot.Head;

        public PooledSnapshot Lend()
        {
            _returned = 0;
            return this;
        }

        public byte[]? Get(byte[] key) => snapshot.Get(key);

        public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) => snapshot.Scan(prefix);

        /// <summary>Gives the snapshot back once, however often it is disposed, so two borrowers never share it.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 1)
            {
                return;
            }
            if (!chain._disposed && Head == chain.Head.Hash && chain._idleSnapshots.Count < MaxIdleSnapshots)
            {
                chain._idleSnapshots.Enqueue(this);
            }
            else
            {
                Close();
            }
        }

        public void Close() => snapshot.Dispose();
    }

    /// <summary>The point reads of one head's state, shared while it is the head.</summary>
    private sealed record HeadReads(Hash256 Head, StateReads Reads);
}
