using Appliance.Primitives;

namespace Appliance.Runtime.Registration;

/// <summary>
/// The registration price (spec §9.1, subtensor since Jan 2026): at the start of every block it decays by
/// the factor f that halves it every burn_half_life blocks (f = the largest Q32 value with f^half_life ≤ ½,
/// found by binary search, powers floored); after each registration it is multiplied by
/// burn_increase_mult (U64F64); both results are clamped to [min_burn, max_burn].
/// </summary>
public static class BurnPrice
{
    private const int Q32 = 32;

    public static Rao Decay(Rao burn, long halfLife, Rao minBurn, Rao maxBurn)
    {
        if (halfLife <= 0)
        {
            return burn;
        }
        var factor = HalvingFactor((ulong)halfLife);
        var decayed = (ulong)(((UInt128)burn.Value * factor) >> Q32);
        return Clamp(new Rao(decayed), minBurn, maxBurn);
    }

    /// <summary>The price after a registration; <paramref name="multiplierMillionths"/> 1 260 000 is 1.26.</summary>
    public static Rao Bump(Rao burn, long multiplierMillionths, Rao minBurn, Rao maxBurn)
    {
        var multiplier = Math.Max(multiplierMillionths, 1_000_000);
        var bits = (((UInt128)multiplier << 64) + 500_000) / 1_000_000;
        var product = (UInt128)burn.Value * (bits >> 64) + (((UInt128)burn.Value * (ulong)(bits & ulong.MaxValue)) >> 64);
        return Clamp(new Rao(product > ulong.MaxValue ? ulong.MaxValue : (ulong)product), minBurn, maxBurn);
    }

    public static Rao Clamp(Rao burn, Rao minBurn, Rao maxBurn) => burn < minBurn ? minBurn : burn > maxBurn ? maxBurn : burn;

    /// <summary>The largest f in [0, 2^32) with PowQ32(f, halfLife) ≤ 2^31.</summary>
    public static ulong HalvingFactor(ulong halfLife)
    {
        ulong low = 0, high = (1UL << Q32) - 1;
        while (low < high)
        {
            var mid = low + (high - low + 1) / 2;
            if (PowQ32(mid, halfLife) <= 1UL << 31)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low;
    }

    /// <summary>base^exponent in Q32 by squaring, each product floored.</summary>
    public static ulong PowQ32(ulong @base, ulong exponent)
    {
        ulong result = 1UL << Q32;
        var power = @base;
        while (exponent > 0)
        {
            if ((exponent & 1) == 1)
            {
                result = (ulong)(((UInt128)result * power) >> Q32);
            }
            power = (ulong)(((UInt128)power * power) >> Q32);
            exponent >>= 1;
        }
        return result;
    }
}
