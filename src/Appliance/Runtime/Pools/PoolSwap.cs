using System.Numerics;
using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;

namespace Appliance.Runtime.Pools;

/// <summary>
/// The swap of subtensor's swap pallet (balancer.rs, do_swap) with its default weights of ½ each, where its
/// weighted pool is exactly constant product and its big-integer power takes the exact path: a buy of Δy TAO
/// gives floor(x·(1 − e)) alpha with e = floor(floor(y·10^18/(y+Δy))·2^64/10^18)/2^64, a sell the mirror
/// image. The fee (33/65535 ≈ 0.05 %) comes off the amount paid in, unless the protocol swaps
/// (<c>dropFees</c>). A limit price stops a swap where the price would cross it.
/// </summary>
public static class PoolSwap
{
    public const ushort FeeRate = 33;
    public const ulong MinimumReserve = 1_000_000;
    public const ulong MaxInputPerReserve = 1_000;

    /// <summary>The lowest and highest limit prices, in rao of TAO per alpha (subtensor's min_price, max_price).</summary>
    public const ulong MinPriceRao = 1_000;
    public const ulong MaxPriceRao = 1_000_000_000_000_000;

    private static readonly BigInteger Scale = BigInteger.Pow(10, 18);
    private static readonly U64F64 FeeFraction = U64F64.FromU64(FeeRate).SafeDiv(U64F64.FromU64(ushort.MaxValue));

    public static U64F64 Price(Reserves reserves) =>
        reserves.Alpha == 0 ? U64F64.Zero : U64F64.FromU64(reserves.Tao).SafeDiv(U64F64.FromU64(reserves.Alpha));

    /// <summary>A limit price given in rao of TAO per alpha, as the calls take it.</summary>
    public static U64F64 PriceFromRao(ulong rao) => U64F64.FromU64(rao).SafeDiv(U64F64.FromU64(Rao.PerTao));

    /// <summary>A price in rao of TAO per alpha (floor), as the API shows it.</summary>
    public static ulong PriceInRao(U64F64 price) => (price * U64F64.FromU64(Rao.PerTao)).ToU64();

    public static ulong FeeOf(ulong amount) => (U64F64.FromU64(amount) * FeeFraction).ToU64();

    /// <summary>What swapping <paramref name="amount"/> would do (buy: TAO in; sell: alpha in), or why it cannot.</summary>
    public static SwapResult Swap(Reserves reserves, bool buy, ulong amount, U64F64 limit, bool dropFees, out DispatchError? error)
    {
        error = null;
        var (reserveIn, reserveOut) = buy ? (reserves.Tao, reserves.Alpha) : (reserves.Alpha, reserves.Tao);
        var fee = dropFees ? 0 : FeeOf(amount);
        var requested = amount - fee;
        if ((UInt128)requested > (UInt128)reserveIn * MaxInputPerReserve)
        {
            error = SubtensorErrors.SwapInputTooLarge(amount, reserveIn);
            return default;
        }
        if (reserveOut < MinimumReserve)
        {
            error = SubtensorErrors.ReservesTooLow(reserveOut, MinimumReserve);
            return default;
        }
        var price = Price(reserves);
        if (buy ? price >= limit : price <= limit)
        {
            error = SubtensorErrors.PriceLimitExceeded(price, limit, buy);
            return default;
        }
        var deltaIn = requested;
        var wholeOut = Out(reserveIn, reserveOut, requested);
        var target = buy
            ? Price(new Reserves(SaturatingAdd(reserves.Tao, requested), SaturatingSub(reserves.Alpha, wholeOut)))
            : Price(new Reserves(SaturatingSub(reserves.Tao, wholeOut), SaturatingAdd(reserves.Alpha, requested)));
        if (buy ? target > limit : target < limit)
        {
            deltaIn = buy ? DeltaInToPrice(limit, price, reserves.Tao) : DeltaInToPrice(price, limit, reserves.Alpha);
            var feeRate = dropFees ? U64F64.Zero : U64F64.FromU64(FeeRate);
            fee = (U64F64.FromU64(deltaIn) * feeRate.SafeDiv(U64F64.FromU64(ushort.MaxValue) - feeRate)).ToU64();
        }
        var deltaOut = deltaIn == requested ? wholeOut : Out(reserveIn, reserveOut, deltaIn);
        if (deltaIn != 0 && deltaOut == 0)
        {
            error = SubtensorErrors.ReservesTooLow(reserveOut, MinimumReserve);
            return default;
        }
        if (reserveOut < deltaOut)
        {
            error = SubtensorErrors.InsufficientLiquidity($"the pool holds {reserveOut} and the swap would take {deltaOut}");
            return default;
        }
        return new SwapResult(deltaIn, deltaOut, fee);
    }

    /// <summary>
    /// convert_deltas: floor(out·(1 − e)) with e = (in/(in + Δ)) as U64F64 via 10^18 (pow_ratio_scaled's exact
    /// path for the exponent 1), capped at 1.
    /// </summary>
    private static ulong Out(ulong reserveIn, ulong reserveOut, ulong deltaIn)
    {
        var after = SaturatingAdd(reserveIn, deltaIn);
        if (after == 0)
        {
            return 0;
        }
        var ratio = (BigInteger)reserveIn * Scale / after;
        var e = U64F64.Min(new U64F64((UInt128)((ratio << 64) / Scale)), U64F64.One);
        return (U64F64.FromU64(reserveOut) * (U64F64.One - e)).ToU64();
    }

    /// <summary>
    /// calculate_quote_delta_in / calculate_base_delta_in at weights ½: reserve·(sqrt(high/low) − 1), where the
    /// square root is pow_ratio_scaled's exact integer root of high/low scaled by 10^18.
    /// </summary>
    private static ulong DeltaInToPrice(U64F64 high, U64F64 low, ulong reserve)
    {
        if (low.IsZero)
        {
            return 0;
        }
        var root = IntegerSqrt((BigInteger)high.Bits * Scale * Scale / (BigInteger)low.Bits);
        var scaled = root > ulong.MaxValue ? U64F64.FromU64(ulong.MaxValue) : U64F64.FromU64((ulong)root);
        return (U64F64.FromU64(reserve) * (scaled.SafeDiv(U64F64.FromU64((ulong)Scale)) - U64F64.One)).ToU64();
    }

    private static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n < 2)
        {
            return n;
        }
        var x = (BigInteger)Math.Sqrt((double)n);
        while (x * x > n)
        {
            x--;
        }
        while ((x + 1) * (x + 1) <= n)
        {
            x++;
        }
        return x;
    }

    private static ulong SaturatingAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

    private static ulong SaturatingSub(ulong a, ulong b) => a > b ? a - b : 0;
}
