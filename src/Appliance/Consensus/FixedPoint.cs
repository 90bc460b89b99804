namespace Appliance.Consensus;

/// <summary>
/// Bit-level helpers shared by the fixed-point types (spec §1): float conversion (nearest, ties to even)
/// and 128-bit products and quotients that need 256 bits in between (I64F64, I96F32). Products are
/// floored, quotients truncated toward zero, as substrate_fixed does.
/// </summary>
internal static class FixedPoint
{
    public static long RoundToBits(double value, int fractionBits, long min, long max)
    {
        var bits = RoundToBits(value, fractionBits);
        return bits > max ? max : bits < min ? min : (long)bits;
    }

    public static Int128 RoundToBits(double value, int fractionBits)
    {
        var scaled = Math.Round(Math.ScaleB(value, fractionBits), MidpointRounding.ToEven);
        if (scaled >= Math.ScaleB(1.0, 127))
        {
            return Int128.MaxValue;
        }
        return scaled <= -Math.ScaleB(1.0, 127) ? Int128.MinValue : (Int128)scaled;
    }

    /// <summary>floor(a·b / 2^shift), saturated to the Int128 range.</summary>
    public static Int128 MultiplyShift(Int128 a, Int128 b, int shift)
    {
        var negative = (a < 0) != (b < 0);
        var (high, low) = MultiplyWide(Magnitude(a), Magnitude(b));
        var mask = (UInt128.One << shift) - 1;
        var inexact = (low & mask) != 0;
        if (high >> shift != 0)
        {
            return negative ? Int128.MinValue : Int128.MaxValue;
        }
        var quotient = (high << (128 - shift)) | (low >> shift);
        if (negative && inexact && quotient <= (UInt128)Int128.MaxValue)
        {
            quotient++;
        }
        return FromMagnitude(quotient, negative) ?? (negative ? Int128.MinValue : Int128.MaxValue);
    }

    /// <summary>trunc(a·2^shift / b), or null on a zero divisor or when the quotient does not fit.</summary>
    public static Int128? DivideShifted(Int128 a, Int128 b, int shift)
    {
        if (b == 0)
        {
            return null;
        }
        var negative = (a < 0) != (b < 0);
        var (dividend, divisor) = (Magnitude(a), Magnitude(b));
        // The divisor's trailing zero bits cancel against the shift (as I32F32 does); when the dividend then
        // fits shifted, one 128-bit division gives the quotient (stake over its sum when it is normalised).
        var cancelled = Math.Min((int)UInt128.TrailingZeroCount(divisor), shift);
        if ((int)UInt128.LeadingZeroCount(dividend) >= shift - cancelled)
        {
            var quotient = (dividend << (shift - cancelled)) / (divisor >> cancelled);
            return quotient >> 127 != 0 ? null : FromMagnitude(quotient, negative);
        }
        var high = dividend / divisor;
        if (high >> (127 - shift) != 0)
        {
            return null;
        }
        var remainder = dividend % divisor;
        UInt128 low = 0;
        for (var remaining = shift; remaining > 0;)
        {
            var step = Math.Min(remaining, (int)UInt128.LeadingZeroCount(remainder));
            if (step == 0)
            {
                remainder = unchecked((remainder << 1) - divisor);
                low = (low << 1) | 1;
                remaining--;
                continue;
            }
            remainder <<= step;
            low = (low << step) | (remainder / divisor);
            remainder %= divisor;
            remaining -= step;
        }
        return FromMagnitude((high << shift) | low, negative);
    }

    private static UInt128 Magnitude(Int128 value) => value < 0 ? unchecked((UInt128)(-value)) : (UInt128)value;

    private static Int128? FromMagnitude(UInt128 magnitude, bool negative)
    {
        var limit = (UInt128)Int128.MaxValue;
        if (negative)
        {
            return magnitude > limit + 1 ? null : unchecked(-(Int128)magnitude);
        }
        return magnitude > limit ? null : (Int128)magnitude;
    }

    private static (UInt128 High, UInt128 Low) MultiplyWide(UInt128 a, UInt128 b)
    {
        unchecked
        {
            var (a1, a0) = ((ulong)(a >> 64), (ulong)a);
            var (b1, b0) = ((ulong)(b >> 64), (ulong)b);
            UInt128 p00 = (UInt128)a0 * b0, p01 = (UInt128)a0 * b1, p10 = (UInt128)a1 * b0, p11 = (UInt128)a1 * b1;
            var middle = (p00 >> 64) + (ulong)p01 + (ulong)p10;
            var low = (middle << 64) | (ulong)p00;
            var high = p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64);
            return (high, low);
        }
    }
}
