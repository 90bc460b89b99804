using Appliance.Api;
using Appliance.Keys;
using Appliance.Mempool;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.Storage;

namespace Appliance.Web;

/// <summary>
/// What the pages read, in the API's own view records and from the same functions the API uses, so the UI
/// and the API always agree.
/// </summary>
public sealed class ChainReader(ChainService chain, TransactionPool pool)
{
    public HeadView Head() => ViewMapper.Head(chain.Head, chain.GenesisHash);

    public IssuanceView Issuance() => ChainApi.ReadIssuance(chain);

    public IReadOnlyList<SubnetView> Subnets()
    {
        using var state = chain.OpenSnapshot();
        var subnets = SubnetsModule.AllSubnets(state).ToList();
        return subnets.Select(n => Runtime.Subnets.Metagraph.Subnet(state, n, chain.Head.Number, subnets.Count)).ToList();
    }

    public MetagraphView? Metagraph(ushort netuid)
    {
        using var state = chain.OpenSnapshot();
        return SubnetsModule.Exists(state, new NetUid(netuid)) ? Runtime.Subnets.Metagraph.Read(state, new NetUid(netuid), chain.Head.Number) : null;
    }

    public NeuronDetailView? Neuron(ushort netuid, ushort uid)
    {
        using var state = chain.OpenSnapshot();
        var id = new NetUid(netuid);
        return SubnetsModule.Exists(state, id) && uid < SubnetsModule.Count(state, id) ? Runtime.Subnets.Metagraph.Detail(state, id, new Uid(uid)) : null;
    }

    /// <summary>Every hyperparameter with its value and bounds.</summary>
    public IReadOnlyList<(Hyperparameter Parameter, object Value)> Hyperparameters(ushort netuid)
    {
        using var state = chain.OpenSnapshot();
        var id = new NetUid(netuid);
        return Runtime.Subnets.Hyperparameters.All.Select(h => (h, h.Display(Runtime.Subnets.Hyperparameters.Get(state, id, h)))).ToList();
    }

    public BlockView? Block(ulong number)
    {
        using var connection = chain.OpenConnection();
        var row = BlockStore.ByNumber(connection, (long)number);
        return row is null ? null : ViewMapper.Block(row, BlockStore.Extrinsics(connection, row.Number), BlockStore.Events(connection, row.Number));
    }

    public IReadOnlyList<BlockSummaryView> RecentBlocks(ulong? before, int count)
    {
        using var connection = chain.OpenConnection();
        return BlockStore.Recent(connection, (long?)before, count)
            .Select(r => new BlockSummaryView((ulong)r.Number, new Hash256(r.Hash).ToString(), (ulong)r.Timestamp, (int)r.ExtrinsicCount))
            .ToList();
    }

    /// <summary>The subnet's last <paramref name="count"/> epochs, oldest first.</summary>
    public IReadOnlyList<EpochRecord> Epochs(ushort netuid, int count)
    {
        using var connection = chain.OpenConnection();
        return BlockStore.SubnetEvents(connection, "EpochRun", netuid, count).Select(EpochRecord.From).Reverse().ToList();
    }

    /// <summary>Every uid's stored weights row (uid, u16 value) in the subnet.</summary>
    public IReadOnlyList<IReadOnlyList<(ushort Uid, ushort Value)>> Weights(ushort netuid)
    {
        using var state = chain.OpenSnapshot();
        var id = new NetUid(netuid);
        return Enumerable.Range(0, SubnetsModule.Count(state, id))
            .Select(uid => WeightsModule.WeightsOf(state, id, new Uid((ushort)uid)).Entries).ToList();
    }

    /// <summary>The newest extrinsics the account signed, with their blocks.</summary>
    public IReadOnlyList<(ulong Block, ExtrinsicView Extrinsic)> ExtrinsicsBy(AccountId account, int count)
    {
        using var connection = chain.OpenConnection();
        return BlockStore.ExtrinsicsBy(connection, account.ToArray(), count).Select(r => ((ulong)r.BlockNumber, ViewMapper.Extrinsic(r))).ToList();
    }

    public AccountView? Account(string address)
    {
        if (!Ss58.TryDecode(address, out var bytes, out _, out _))
        {
            return null;
        }
        return AccountsApi.Read(chain, pool, new AccountId(bytes));
    }
}
