using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Coinbase;

/// <summary>
/// subtensor's update_moving_price, after each block's coinbase: an EMA of the spot price capped at 1, whose
/// factor 0.000003·b/(b + 201 600) grows with the blocks b since the subnet started, computed in U64F64
/// and stored with 32 fraction bits (I96F32), as subtensor stores it.
/// </summary>
public static class MovingPrices
{
    public const ulong HalvingBlocks = 201_600;

    /// <summary>SubnetMovingAlpha: I96F32::from_num(0.000003), whose bits are 12 885.</summary>
    private static readonly U64F64 MovingAlpha = U64F64.FromU96F32(new U96F32(12_885));

    public static void Update(StateOverlay state, NetUid netuid, ulong block)
    {
        var first = SubnetPools.FirstEmissionBlock.GetOrDefault(state, netuid, new U64(0)).Value;
        var blocks = U64F64.FromU64(block - Math.Min(block, first == 0 ? 0 : first - 1));
        var factor = MovingAlpha * blocks.SafeDiv(blocks + U64F64.FromU64(HalvingBlocks));
        var current = factor * U64F64.Min(SubnetPools.Price(state, netuid), U64F64.One);
        var moving = (U64F64.One - factor) * SubnetPools.MovingPriceOf(state, netuid);
        SubnetPools.MovingPrice.Set(state, netuid, new FixedValue((current + moving).ToU96F32().Bits));
    }
}
