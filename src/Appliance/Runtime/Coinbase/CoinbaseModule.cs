using System.Text.Json.Nodes;
using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Coinbase;

/// <summary>
/// The legacy single-token coinbase (spec §7.3): every block mints the block emission (§7.1), shared equally
/// between the subnets and held as each subnet's pending emission; at a subnet's epoch the pending pot is
/// paid out — 18 % owner cut, then miners and validators by the epoch's results. Pending emission is part
/// of issuance, so free + staked + locked + pending = issuance holds at every block. What an epoch cannot pay
/// (floor remainders, or all of it before anyone has weights) is carried over in the pot; the owner's cut
/// is taken once, from new emission only, as subtensor takes it per block from alpha_out (docs/consensus.md).
/// </summary>
public static class CoinbaseModule
{
    /// <summary>subtensor's SubnetOwnerCut: 11 796/65 535 ≈ 18 %.</summary>
    public const ushort OwnerCut = 11_796;

    public static readonly StorageMap<NetUid, Rao> PendingEmission = new(SubnetsModule.Name, "PendingEmission");

    /// <summary>The part of PendingEmission an earlier epoch carried over: its owner cut was taken then.</summary>
    public static readonly StorageMap<NetUid, Rao> CarriedEmission = new(SubnetsModule.Name, "CarriedEmission");

    public static Rao Pending(IStateReader state, NetUid netuid) => PendingEmission.GetOrDefault(state, netuid, Rao.Zero);

    public static Rao Carried(IStateReader state, NetUid netuid) => CarriedEmission.GetOrDefault(state, netuid, Rao.Zero);

    /// <summary>The owner cut the subnet's next epoch takes from its pot as it stands: 18 % of what accrued since the last epoch.</summary>
    public static Rao OwnerCutDue(IStateReader state, NetUid netuid) => OwnerCutOf(Pending(state, netuid) - Carried(state, netuid));

    public static Rao TotalPending(IStateReader state) => PendingEmission.Iterate(state).Aggregate(Rao.Zero, (sum, p) => sum + p.Value);

    /// <summary>Mints this block's emission into the subnets' pending pots, equal shares; an indivisible remainder is not minted.</summary>
    public static void AccrueBlockEmission(StateOverlay state, IReadOnlyList<NetUid> subnets)
    {
        if (subnets.Count == 0)
        {
            return;
        }
        var emission = BlockEmission.ForIssuance(BalancesModule.Issuance(state));
        var share = new Rao(emission.Value / (ulong)subnets.Count);
        if (share == Rao.Zero)
        {
            return;
        }
        foreach (var netuid in subnets)
        {
            PendingEmission.Set(state, netuid, Pending(state, netuid) + share);
        }
        BalancesModule.TotalIssuance.Set(state, BalancesModule.Issuance(state) + new Rao(share.Value * (ulong)subnets.Count));
    }

    /// <summary>The owner's cut of new emission: floor(emission × 11 796 / 65 535).</summary>
    public static Rao OwnerCutOf(Rao emission) => new((ulong)((UInt128)emission.Value * OwnerCut / 65_535));

    /// <summary>
    /// The EpochRun event: the pot (of which carried_in came from the last epoch) and its split — owner cut,
    /// miners' incentive (server_emission), validators' dividends (validator_emission), carried over — and per
    /// uid the emission paid, the stake it was weighted by, incentive and dividends (u16).
    /// </summary>
    public static JsonObject Describe(
        NetUid netuid, Rao pot, Rao carriedIn, Rao ownerCut, Rao carried, IReadOnlyList<ulong> paid, IReadOnlyList<ulong> stake, EpochOutput output) => new()
        {
            ["netuid"] = netuid.Value,
            ["pending"] = pot.Value,
            ["carried_in"] = carriedIn.Value,
            ["owner_cut"] = ownerCut.Value,
            ["carried_over"] = carried.Value,
            ["server_emission"] = output.ServerEmission.Aggregate(0UL, (sum, e) => checked(sum + e)),
            ["validator_emission"] = output.ValidatorEmission.Aggregate(0UL, (sum, e) => checked(sum + e)),
            ["emission"] = new JsonArray([.. paid.Select(p => JsonValue.Create(p))]),
            ["stake"] = new JsonArray([.. stake.Select(p => JsonValue.Create(p))]),
            ["incentive"] = new JsonArray([.. output.Incentive.Select(p => JsonValue.Create(p))]),
            ["dividends"] = new JsonArray([.. output.Dividends.Select(p => JsonValue.Create(p))]),
        };
}
