using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Consensus;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Registration;
using Appliance.Scale;

namespace Appliance.Runtime.Subnets;

/// <summary>
/// register_network(hotkey), signed by the future owner's coldkey: locks the network lock cost (held, not
/// burned; on a dynamic chain it becomes the TAO of the subnet's new pool), takes the next netuid from 1, and registers the owner hotkey as uid 0. The lock cost is
/// subtensor's: double the last lock, decaying linearly over 100 800 blocks, at least 1 000 TAO.
/// </summary>
public sealed record RegisterNetwork(AccountId Hotkey) : RuntimeCall
{
    public static readonly Rao MinLockCost = new(1_000 * Rao.PerTao);
    public static readonly Rao InitialBurn = new(Rao.PerTao);
    private const ulong LockReductionInterval = 100_800;

    public static readonly CallInfo CallInfo = new(SubnetsModule.Index, SubnetsModule.Name, 59, "register_network", r => new RegisterNetwork(AccountId.Read(r)));

    public override CallInfo Info => CallInfo;

    public override void WriteArgs(ScaleWriter writer) => Hotkey.Write(writer);

    public override JsonObject Describe() => new() { ["hotkey"] = Hotkey.Address };

    public static Rao LockCost(Appliance.State.IStateReader state, ulong block)
    {
        var last = SubnetsModule.NetworkLastLock.GetOrDefault(state, Rao.Zero).Value;
        var lastBlock = SubnetsModule.NetworkLastLockBlock.GetOrDefault(state, new U64(0)).Value;
        var doubled = (UInt128)last * (lastBlock == 0 ? 1UL : 2UL);
        var decay = (UInt128)(block - Math.Min(block, lastBlock)) * last / LockReductionInterval;
        var cost = doubled > decay ? (ulong)(doubled - decay) : 0;
        return new Rao(Math.Max(cost, MinLockCost.Value));
    }

    public override DispatchError? Dispatch(DispatchContext context)
    {
        var state = context.State;
        if (NeuronRegistry.CheckOwnership(state, context.Signer, Hotkey) is { } notOwner)
        {
            return notOwner;
        }
        var lockCost = LockCost(state, context.BlockNumber);
        var free = BalancesModule.Free(state, context.Signer);
        if (free < lockCost)
        {
            return SubtensorErrors.NotEnoughBalanceToStake("registering a subnet", lockCost, free);
        }
        var netuid = new NetUid((ushort)(SubnetsModule.AllSubnets(state).Select(n => (int)n.Value).DefaultIfEmpty(0).Max() + 1));
        BalancesModule.Withdraw(context, context.Signer, lockCost);
        if (EmissionModels.IsDynamic(state))
        {
            OpenPool(state, netuid, lockCost);
        }
        SubnetsModule.Subnets.Set(state, netuid, new SubnetInfo(context.Signer, Hotkey, lockCost, context.BlockNumber));
        SubnetsModule.NetworkLastLock.Set(state, lockCost);
        SubnetsModule.NetworkLastLockBlock.Set(state, new U64(context.BlockNumber));
        SubnetsModule.Burn.Set(state, netuid, InitialBurn);
        SubnetsModule.Owner.Set(state, Hotkey, context.Signer);
        NeuronRegistry.Append(state, netuid, Hotkey, context.BlockNumber);
        context.Deposit(SubnetsModule.Name, "NetworkAdded", new JsonObject
        {
            ["netuid"] = netuid.Value,
            ["owner"] = context.Signer.Address,
            ["hotkey"] = Hotkey.Address,
            ["lock"] = lockCost.Value,
        });
        return null;
    }

    /// <summary>
    /// A dynamic subnet's pool starts with the lock as its TAO and as much alpha as that buys at the median
    /// price of the other subnets (1 when there are none), so a new subnet does not jump the market; nothing
    /// is staked and no alpha is outside the pool yet.
    /// </summary>
    private static void OpenPool(Appliance.State.StateOverlay state, NetUid netuid, Rao lockCost)
    {
        var prices = SubnetsModule.AllSubnets(state).Where(n => n != netuid).Select(n => SubnetPools.Price(state, n)).Where(p => !p.IsZero).Order().ToList();
        var median = prices.Count == 0 ? U64F64.One
            : prices.Count % 2 == 1 ? prices[prices.Count / 2]
            : new U64F64((prices[(prices.Count / 2) - 1].Bits + prices[prices.Count / 2].Bits) / 2);
        var poolTao = lockCost.Value < MinLockCost.Value ? MinLockCost : lockCost;
        SubnetPools.SubnetTao.Set(state, netuid, poolTao);
        SubnetPools.SubnetAlphaIn.Set(state, netuid, new Rao(U64F64.FromU64(poolTao.Value).SafeDiv(median).ToU64()));
        SubnetPools.SubnetAlphaOut.Set(state, netuid, Rao.Zero);
    }
}
