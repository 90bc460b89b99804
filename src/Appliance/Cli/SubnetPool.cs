using Appliance.ApiClient;
using Appliance.Contracts;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Staking;

namespace Appliance.Cli;

/// <summary>
/// A subnet as the stake commands see it: whether its stake is alpha (a dynamic chain) and its pool as the API
/// shows it. Quotes run subtensor's swap (<see cref="PoolSwap"/>, a pure function) on those reserves, so what
/// is shown before signing is what the chain would do on the same state. The root subnet of a dynamic chain
/// trades 1:1 without a fee; a classic chain has no pools.
/// </summary>
public sealed record SubnetPool(NetUid Netuid, bool Dynamic, PoolView? Pool)
{
    public static async Task<SubnetPool> LoadAsync(NodeClient client, NetUid netuid, CancellationToken cancellation)
    {
        if (netuid.Value == 0)
        {
            var issuance = await client.IssuanceAsync(cancellation);
            return new SubnetPool(netuid, issuance.EmissionModel == "dynamic", null);
        }
        var subnet = await client.SubnetAsync(netuid, cancellation);
        return new SubnetPool(netuid, subnet.Pool is not null, subnet.Pool);
    }

    public bool IsRoot => Dynamic && Pool is null;

    /// <summary>Whether the pool takes stake: the owner has called start_call (root always does).</summary>
    public bool Started => IsRoot || Pool?.Started == true;

    /// <summary>The spot price in rao of TAO per alpha; 1 TAO for root and classic stake.</summary>
    public ulong PriceRao => Pool?.Price ?? Rao.PerTao;

    /// <summary>The stake's unit: α on a dynamic subnet, τ on root and on a classic chain.</summary>
    public string Unit => Dynamic && !IsRoot ? Output.Alpha : Output.Tau;

    private Reserves Reserves => new(Pool!.TaoIn, Pool.AlphaIn);

    /// <summary>swap_tao_for_alpha on the pool as it is: TAO in (fee included), alpha out, stopping at the limit price.</summary>
    public SwapResult Buy(ulong tao, ulong limitRao, bool dropFees, out DispatchError? error)
    {
        error = null;
        return IsRoot ? new SwapResult(tao, tao, 0) : PoolSwap.Swap(Reserves, buy: true, tao, PoolSwap.PriceFromRao(limitRao), dropFees, out error);
    }

    /// <summary>swap_alpha_for_tao on the pool as it is: alpha in (fee included), TAO out, stopping at the limit price.</summary>
    public SwapResult Sell(ulong alpha, ulong limitRao, bool dropFees, out DispatchError? error)
    {
        error = null;
        return IsRoot ? new SwapResult(alpha, alpha, 0) : PoolSwap.Swap(Reserves, buy: false, alpha, PoolSwap.PriceFromRao(limitRao), dropFees, out error);
    }

    /// <summary>get_max_amount_add: the most TAO (fee included) a buy takes before the price reaches the limit.</summary>
    public Rao MaxAdd(ulong limitRao, out DispatchError? error)
    {
        error = null;
        if (IsRoot)
        {
            return new Rao(limitRao >= Rao.PerTao ? ulong.MaxValue : 0);
        }
        var swap = Buy(Whole(Reserves.Tao), limitRao, dropFees: false, out error);
        return error is null ? new Rao(Saturating(swap.PaidIn, swap.Fee)) : Rao.Zero;
    }

    /// <summary>get_max_amount_remove: the most alpha (fee included) a sale takes before the price falls to the limit.</summary>
    public Rao MaxRemove(ulong limitRao, out DispatchError? error)
    {
        error = null;
        if (IsRoot)
        {
            return new Rao(limitRao <= Rao.PerTao ? ulong.MaxValue : 0);
        }
        var swap = Sell(Whole(Reserves.Alpha), limitRao, dropFees: false, out error);
        return error is null ? new Rao(Saturating(swap.PaidIn, swap.Fee)) : Rao.Zero;
    }

    /// <summary>The least add_stake takes: the minimum stake plus the fee on it.</summary>
    public Rao MinimumAdd()
    {
        var swap = Buy(StakingModule.DynamicMinStake.Value, PoolSwap.MaxPriceRao, dropFees: false, out var error);
        return StakingModule.DynamicMinStake + new Rao(error is null ? swap.Fee : PoolSwap.FeeOf(StakingModule.DynamicMinStake.Value));
    }

    /// <summary>What <paramref name="amount"/> of this subnet's stake is worth in TAO at the spot price (rao).</summary>
    public ulong ValueOf(ulong amount) => TaoValue(amount, PriceRao);

    public static ulong TaoValue(ulong amount, ulong priceRao) => (ulong)UInt128.Min((UInt128)amount * priceRao / Rao.PerTao, ulong.MaxValue);

    /// <summary>1 − received / (paid at the spot price): the fee and the price moving during the swap, as a fraction.</summary>
    public static double Slippage(ulong ideal, ulong received) => ideal == 0 ? 0 : Math.Max(0, 1 - ((double)received / ideal));

    private static ulong Whole(ulong reserve) => (ulong)UInt128.Min((UInt128)reserve * PoolSwap.MaxInputPerReserve, ulong.MaxValue);

    private static ulong Saturating(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
