using System.Collections.Concurrent;
using Appliance.Contracts;
using Appliance.Chain;
using Appliance.Keys;
using Appliance.Mempool;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.System;
using Appliance.Runtime.Weights;
using Appliance.Storage;

namespace Appliance.Queries;

/// <summary>
/// The read side (subtensor's rpc_info): every view of the chain the API serves and the pages show, read
/// from one committed snapshot per call, so the UI and the API always agree. Null means "no such thing".
/// </summary>
public sealed class ChainQueries
{
    private readonly ChainService _chain;
    private readonly TransactionPool _pool;
    private readonly ConcurrentDictionary<NetUid, KeptMetagraph> _metagraphs = new();

    /// <summary>Per subnet, the block after its kept metagraph's head when that block wrote some of its entries.</summary>
    private readonly ConcurrentDictionary<NetUid, SealedBlock> _followingBlocks = new();

    public ChainQueries(ChainService chain, TransactionPool pool, ChainEventHub hub)
    {
        (_chain, _pool) = (chain, pool);
        hub.Subscribe(KeepMetagraphs);
    }

    public HeadView Head() => ViewMapper.Head(_chain.Head, _chain.GenesisHash);

    /// <summary>Total issuance beside where it sits (see <see cref="IssuanceView"/>). They always add up.</summary>
    public IssuanceView Issuance()
    {
        using var state = _chain.OpenSnapshot();
        var free = SystemModule.Account.Iterate(state).Aggregate(0UL, (sum, a) => checked(sum + a.Value.Free.Value));
        if (EmissionModels.IsDynamic(state))
        {
            var root = SubnetPools.SubnetTao.GetOrDefault(state, SubnetPools.Root, Rao.Zero).Value;
            var pools = SubnetPools.SubnetTao.Iterate(state).Aggregate(0UL, (sum, p) => checked(sum + p.Value.Value)) - root;
            return new IssuanceView(_chain.Head.Number, BalancesModule.Issuance(state).Value, free, root, 0, 0, EmissionModels.Name(EmissionModel.Dynamic), pools);
        }
        var locked = SubnetsModule.Subnets.Iterate(state).Aggregate(0UL, (sum, s) => checked(sum + s.Value.Locked.Value));
        return new IssuanceView(
            _chain.Head.Number, BalancesModule.Issuance(state).Value, free, StakingModule.Total(state).Value, locked, CoinbaseModule.TotalPending(state).Value);
    }

    public IReadOnlyList<SubnetView> Subnets()
    {
        using var state = _chain.OpenSnapshot();
        var subnets = SubnetsModule.AllSubnets(state).ToList();
        return subnets.Select(n => MetagraphReader.Subnet(state, n, _chain.Head.Number, subnets.Count)).ToList();
    }

    public SubnetView? Subnet(NetUid netuid)
    {
        using var state = _chain.OpenSnapshot();
        return SubnetsModule.Exists(state, netuid) ? MetagraphReader.Subnet(state, netuid, _chain.Head.Number, SubnetsModule.AllSubnets(state).Count()) : null;
    }

    /// <summary>
    /// The metagraph at the head block. It is built in one read transaction with the head it names, so the
    /// block number is the one the state belongs to; the view is kept per subnet until a new head, since
    /// every page refresh and API client between two blocks would otherwise read the same thousands of rows.
    /// </summary>
    public MetagraphView? Metagraph(NetUid netuid) => KeptMetagraph(netuid)?.View;

    /// <summary>
    /// <see cref="Metagraph"/> as the API's JSON (UTF-8): the bytes System.Text.Json writes for the view, in
    /// two parts kept with it (see <see cref="MetagraphDocument"/>).
    /// </summary>
    public MetagraphDocument? MetagraphJson(NetUid netuid) => KeptMetagraph(netuid)?.Json;

    /// <summary>
    /// Moves each kept metagraph on to a sealed block that wrote none of its entries (between two epochs, no
    /// block does), so that a read at the new head takes it as it is; a block that wrote some is kept for the
    /// next read to apply (<see cref="MetagraphUpdates.Follow"/>), so that the producer does not wait for it.
    /// </summary>
    private void KeepMetagraphs(SealedBlock block)
    {
        foreach (var (netuid, kept) in _metagraphs)
        {
            if (!kept.IsAt(checked((long)block.Header.Number - 1), block.Header.ParentHash.Bytes))
            {
                continue;
            }
            if (MetagraphUpdates.Touches(block.StateChanges, netuid))
            {
                _followingBlocks[netuid] = block;
            }
            else
            {
                _metagraphs.TryUpdate(netuid, kept.At(checked((long)block.Header.Number), block.Hash.ToArray()), kept);
            }
        }
    }

    private KeptMetagraph? KeptMetagraph(NetUid netuid)
    {
        // Kept at the head the chain holds: the head moves only once its block is committed, and every
        // snapshot-based view (accounts, stake) reads that head too.
        var chainHead = _chain.Head;
        if (_metagraphs.TryGetValue(netuid, out var atHead) && atHead.IsAt(checked((long)chainHead.Number), chainHead.Hash.Bytes))
        {
            return atHead;
        }
        using var connection = _chain.OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var head = BlockStore.Head(connection, transaction)!;
        _metagraphs.TryGetValue(netuid, out var kept);
        if (kept is not null && kept.IsAt(head.Number, head.Hash))
        {
            return kept;
        }
        var next = kept is not null && _followingBlocks.TryGetValue(netuid, out var block) && block.Hash.Bytes.SequenceEqual(head.Hash)
            && kept.IsAt(head.Number - 1, block.Header.ParentHash.Bytes)
            ? MetagraphUpdates.Follow(kept, netuid, block)
            : null;
        if (next is null)
        {
            using var state = new SqliteStateReader(connection, transaction);
            if (!SubnetsModule.Exists(state, netuid))
            {
                return null;
            }
            next = MetagraphReader.Read(state, netuid, head, kept);
        }
        _metagraphs[netuid] = next;
        return next;
    }

    /// <summary>The number of uids in the subnet, or null when there is no such subnet.</summary>
    public int? UidCount(NetUid netuid)
    {
        using var state = _chain.OpenSnapshot();
        return SubnetsModule.Exists(state, netuid) ? SubnetsModule.Count(state, netuid) : null;
    }

    public NeuronDetailView? Neuron(NetUid netuid, Uid uid)
    {
        using var state = _chain.OpenSnapshot();
        return SubnetsModule.Exists(state, netuid) && uid.Value < SubnetsModule.Count(state, netuid) ? MetagraphReader.Detail(state, netuid, uid) : null;
    }

    /// <summary>The hotkey's neuron in every subnet where it holds a uid (btcli's overview reads the same), netuid order.</summary>
    public IReadOnlyList<HotkeyNeuronView> NeuronsOf(AccountId hotkey)
    {
        using var state = _chain.OpenSnapshot();
        return SubnetsModule.AllSubnets(state)
            .Select(netuid => SubnetsModule.TryGetUid(state, netuid, hotkey, out var uid) ? new HotkeyNeuronView(netuid.Value, MetagraphReader.Neuron(state, netuid, uid)) : null)
            .OfType<HotkeyNeuronView>()
            .ToList();
    }

    /// <summary>The hotkey's unrevealed weight commits in every subnet, netuid order, oldest first.</summary>
    public IReadOnlyList<WeightCommitView> CommitsOf(AccountId hotkey)
    {
        using var state = _chain.OpenSnapshot();
        return SubnetsModule.AllSubnets(state)
            .SelectMany(netuid => WeightsModule.Commits.GetOrDefault(state, new SubnetAccountKey(netuid, hotkey), CommitQueue.Empty).Items
                .Select(c => new WeightCommitView(netuid.Value, c.Hash.ToString(), c.Epoch, c.Block)))
            .ToList();
    }

    /// <summary>Every hyperparameter with its value (as subtensor names and shows it), or null when there is no such subnet.</summary>
    public IReadOnlyList<(Hyperparameter Parameter, object Value)>? Hyperparameters(NetUid netuid)
    {
        using var state = _chain.OpenSnapshot();
        return SubnetsModule.Exists(state, netuid)
            ? Runtime.Subnets.Hyperparameters.All.Select(h => (h, h.Display(Runtime.Subnets.Hyperparameters.Get(state, netuid, h)))).ToList()
            : null;
    }

    public BlockView? Block(ulong number)
    {
        using var connection = _chain.OpenConnection();
        return Block(connection, BlockStore.ByNumber(connection, checked((long)number)));
    }

    public BlockView? Block(Hash256 hash)
    {
        using var connection = _chain.OpenConnection();
        return Block(connection, BlockStore.ByHash(connection, hash));
    }

    private static BlockView? Block(Microsoft.Data.Sqlite.SqliteConnection connection, BlockRow? row) =>
        row is null ? null : ViewMapper.Block(row, BlockStore.Extrinsics(connection, row.Number), BlockStore.Events(connection, row.Number));

    /// <summary>Up to <paramref name="count"/> blocks, newest first, below <paramref name="before"/> (or from the head).</summary>
    public IReadOnlyList<BlockSummaryView> RecentBlocks(ulong? before, int count)
    {
        using var connection = _chain.OpenConnection();
        return BlockStore.Recent(connection, (long?)before, count)
            .Select(r => new BlockSummaryView((ulong)r.Number, new Hash256(r.Hash).ToString(), (ulong)r.Timestamp, (int)r.ExtrinsicCount))
            .ToList();
    }

    /// <summary>The subnet's last <paramref name="count"/> epochs, oldest first.</summary>
    public IReadOnlyList<EpochRecord> Epochs(NetUid netuid, int count)
    {
        using var connection = _chain.OpenConnection();
        return BlockStore.SubnetEvents(connection, "EpochRun", netuid.Value, count).Select(EpochRecord.From).Reverse().ToList();
    }

    /// <summary>The subnet's pool over its last <paramref name="count"/> blocks of emission, oldest first (<see cref="PriceHistory"/>).</summary>
    public IReadOnlyList<PricePointView> Prices(NetUid netuid, int count)
    {
        using var connection = _chain.OpenConnection();
        return PriceHistory.Read(connection, netuid, count);
    }

    /// <summary>Every uid's stored weights row (uid, u16 value) in the subnet.</summary>
    public IReadOnlyList<IReadOnlyList<(ushort Uid, ushort Value)>> Weights(NetUid netuid)
    {
        using var state = _chain.OpenSnapshot();
        var rows = new IReadOnlyList<(ushort Uid, ushort Value)>[SubnetsModule.Count(state, netuid)];
        Array.Fill(rows, SparseRow.Empty.Entries);
        // One scan of the subnet's rows: most uids (the miners) have none.
        foreach (var (key, row) in WeightsModule.Weights.IteratePrefix(state, netuid))
        {
            if (key.Uid.Value < rows.Length)
            {
                rows[key.Uid.Value] = row.Entries;
            }
        }
        return rows;
    }

    /// <summary>The newest extrinsics the account signed, with their blocks.</summary>
    public IReadOnlyList<(ulong Block, ExtrinsicView Extrinsic)> ExtrinsicsBy(AccountId account, int count)
    {
        using var connection = _chain.OpenConnection();
        return BlockStore.ExtrinsicsBy(connection, account.ToArray(), count).Select(r => ((ulong)r.BlockNumber, ViewMapper.Extrinsic(r))).ToList();
    }

    /// <summary>The newest balance transfers to or from the account, with their blocks.</summary>
    public IReadOnlyList<TransferRecord> Transfers(AccountId account, int count)
    {
        using var connection = _chain.OpenConnection();
        return BlockStore.TransfersOf(connection, BalancesModule.Name, account.Address, count).Select(TransferRecord.Of).ToList();
    }

    /// <summary>The stake the account holds as a hotkey, per nominating coldkey and subnet, largest first.</summary>
    public IReadOnlyList<NominationRecord> StakeHeldBy(AccountId hotkey)
    {
        using var state = _chain.OpenSnapshot();
        return StakingModule.Stake.Iterate(state)
            .Where(s => s.Key.Hotkey == hotkey)
            .Select(s => new NominationRecord(s.Key.Coldkey.Address, s.Key.NetUid.Value, s.Value.Value))
            .OrderByDescending(n => n.Amount)
            .ToList();
    }

    /// <summary>Where an extrinsic is: in a block (with its result), still pooled, or null when neither.</summary>
    public ExtrinsicStatusView? ExtrinsicStatus(Hash256 hash)
    {
        // The pool first: an extrinsic leaves it only after its block is committed and the head has moved to it,
        // so one not pooled now is in the database read below, at or under the head read next. Read the other
        // way round, a block committed (and pruned from the pool) between the two reads hid the extrinsic from
        // both, and a client waiting for it got 404. A block committed but not yet the head is not reported:
        // what the client reads next (accounts, the metagraph) comes from the head.
        var pooled = _pool.Contains(hash);
        var head = _chain.Head.Number;
        using var connection = _chain.OpenConnection();
        if (BlockStore.ExtrinsicByHash(connection, hash) is { } row && (ulong)row.BlockNumber <= head)
        {
            var block = BlockStore.ByNumber(connection, row.BlockNumber)!;
            return new ExtrinsicStatusView(hash.ToString(), "included", (ulong)row.BlockNumber, new Hash256(block.Hash).ToString(), (int)row.Idx, row.Success == 1, row.Error);
        }
        return pooled ? new ExtrinsicStatusView(hash.ToString(), "pending", null, null, null, null, null) : null;
    }

    /// <summary>The account at an SS58 address, or null when the text is not one.</summary>
    public AccountView? Account(string address) => Ss58.TryDecode(address, out var bytes, out _, out _) ? Account(new AccountId(bytes)) : null;

    /// <summary>Free balance, nonce (and the next one, counting the pool), and every stake the account holds as a coldkey.</summary>
    public AccountView Account(AccountId account)
    {
        while (true)
        {
            // A block sealed between the snapshot and the pool's answer leaves its extrinsics neither pooled
            // nor in the snapshot, and the next nonce would be one already used; the producer moves the head
            // before it prunes the pool, so an unchanged head says the two agree.
            var head = _chain.Head;
            using var state = _chain.OpenSnapshot();
            var info = SystemModule.GetAccount(state, account);
            var stakes = StakingModule.Stake.Iterate(state)
                .Where(s => s.Key.Coldkey == account)
                .Select(s => new StakeView(s.Key.Hotkey.Address, s.Key.NetUid.Value, s.Value.Value))
                .ToList();
            var next = _pool.NextNonce(account, info.Nonce);
            if (_chain.Head == head)
            {
                return new AccountView(account.Address, info.Free.Value, info.Nonce, next, stakes);
            }
        }
    }

    /// <summary>The account's extrinsics waiting in the pool, in nonce order.</summary>
    public IReadOnlyList<PendingExtrinsicView> Pending(AccountId account) =>
        _pool.PendingOf(account).Select(e => new PendingExtrinsicView(e.Hash.ToString(), e.Nonce, "0x" + Convert.ToHexStringLower(e.Encoded),
            new CallView(e.Call.Info.Module, e.Call.Info.Name, e.Call.Describe()))).ToList();
}
