using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime.Pools;
using Appliance.State;

namespace Appliance.Runtime.Coinbase;

/// <summary>
/// How a block's TAO emission is split across emitting subnets (subtensor's get_subnet_block_emissions):
/// by moving price, each share weighted by the part of its last epoch's incentive that miners actually got
/// (1 − MinerBurned); if every weight is 0, by moving price alone. All U64F64, divisions truncated.
/// </summary>
public static class EmissionShares
{
    public static Dictionary<NetUid, U64F64> Of(IStateReader state, IReadOnlyList<NetUid> subnets)
    {
        var prices = subnets.ToDictionary(n => n, n => SubnetPools.MovingPriceOf(state, n));
        var total = prices.Values.Aggregate(U64F64.Zero, (sum, p) => sum + p);
        var priceShares = prices.ToDictionary(p => p.Key, p => p.Value.CheckedDiv(total) ?? U64F64.Zero);
        var weighted = priceShares.ToDictionary(p => p.Key, p => p.Value * (U64F64.One - U64F64.Min(MinerBurnedOf(state, p.Key), U64F64.One)));
        var weightTotal = weighted.Values.Aggregate(U64F64.Zero, (sum, w) => sum + w);
        return weightTotal.IsZero ? priceShares : weighted.ToDictionary(w => w.Key, w => w.Value.SafeDiv(weightTotal));
    }

    public static U64F64 MinerBurnedOf(IStateReader state, NetUid netuid) =>
        U64F64.FromU96F32(new U96F32(SubnetPools.MinerBurned.GetOrDefault(state, netuid, default).Bits));
}
