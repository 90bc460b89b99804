using System.Numerics;

namespace Appliance.Consensus;

/// <summary>
/// substrate_fixed's I32F32 (spec §1): a signed 64-bit value with 32 fractional bits. Products are floored
/// (arithmetic shift), quotients truncated toward zero. <c>+ - * /</c> saturate like the epoch's
/// saturating_add/sub/mul/div; <see cref="SafeDiv"/> is safe_math's safe_div (0 on a zero divisor or
/// overflow) and <see cref="WrappingAdd"/> is the plain <c>sum()</c> that normalisation uses.
/// </summary>
public readonly record struct I32F32(long Bits) : IComparable<I32F32>
{
    public const int FractionBits = 32;
    private const long OneBits = 1L << FractionBits;

    public static I32F32 Zero => default;
    public static I32F32 One => new(OneBits);
    public static I32F32 MaxValue => new(long.MaxValue);
    public static I32F32 MinValue => new(long.MinValue);

    /// <summary>I32F32::saturating_from_num of an integer.</summary>
    public static I32F32 FromInt(long value) =>
        value > int.MaxValue ? MaxValue : value < int.MinValue ? MinValue : new(value << FractionBits);

    /// <summary>from_num of a float: nearest value, ties to even, saturating.</summary>
    public static I32F32 FromDouble(double value) => new(FixedPoint.RoundToBits(value, FractionBits, long.MinValue, long.MaxValue));

    /// <summary>u16_proportion_to_fixed: v/65535 with the quotient truncated.</summary>
    public static I32F32 FromU16Proportion(ushort value) => FromInt(value).SafeDiv(FromInt(ushort.MaxValue));

    public bool IsZero => Bits == 0;

    public double ToDouble() => Bits / (double)OneBits;

    /// <summary>saturating_to_num::&lt;u16&gt;: the floor, clamped to [0, 65535].</summary>
    public ushort ToU16Saturating()
    {
        var floor = Bits >> FractionBits;
        return floor < 0 ? (ushort)0 : floor > ushort.MaxValue ? ushort.MaxValue : (ushort)floor;
    }

    /// <summary>
    /// fixed_proportion_to_u16: floor(x·65535), clamped to [0, 65535]. Below 2^47 bits the product by the
    /// integer 65535 is exact in 64 bits, so it is floored directly; larger values saturate the same way.
    /// </summary>
    public ushort ToU16Proportion() => Bits is > -(1L << 47) and < 1L << 47
        ? new I32F32(Bits * ushort.MaxValue).ToU16Saturating()
        : (this * FromInt(ushort.MaxValue)).ToU16Saturating();

    public I32F32 WrappingAdd(I32F32 other) => new(unchecked(Bits + other.Bits));

    public I32F32 SafeDiv(I32F32 divisor) => CheckedDiv(divisor) ?? Zero;

    public I32F32? CheckedDiv(I32F32 divisor)
    {
        if (divisor.Bits == 0)
        {
            return null;
        }
        var quotient = Divide(Bits, divisor.Bits);
        return quotient > long.MaxValue || quotient < long.MinValue ? null : new I32F32((long)quotient);
    }

    public I32F32? CheckedMul(I32F32 other) => TryMultiply(Bits, other.Bits, out var bits) ? new I32F32(bits) : null;

    public I32F32? CheckedAdd(I32F32 other)
    {
        var sum = (Int128)Bits + other.Bits;
        return sum > long.MaxValue || sum < long.MinValue ? null : new I32F32((long)sum);
    }

    /// <summary>round(): to the nearest integer, ties away from zero.</summary>
    public I32F32 Round()
    {
        const long half = OneBits / 2;
        var magnitude = Bits < 0 ? -(Int128)Bits : Bits;
        var rounded = (magnitude + half) >> FractionBits << FractionBits;
        var signed = Bits < 0 ? -rounded : rounded;
        return new(signed > long.MaxValue ? long.MaxValue : signed < long.MinValue ? long.MinValue : (long)signed);
    }

    public static I32F32 Min(I32F32 a, I32F32 b) => a.Bits <= b.Bits ? a : b;

    public static I32F32 Max(I32F32 a, I32F32 b) => a.Bits >= b.Bits ? a : b;

    public static I32F32 Clamp(I32F32 value, I32F32 low, I32F32 high) => Max(Min(value, high), low);

    public static I32F32 operator +(I32F32 a, I32F32 b)
    {
        var sum = unchecked(a.Bits + b.Bits);
        return ((a.Bits ^ sum) & (b.Bits ^ sum)) < 0 ? (a.Bits < 0 ? MinValue : MaxValue) : new(sum);
    }

    public static I32F32 operator -(I32F32 a, I32F32 b)
    {
        var difference = unchecked(a.Bits - b.Bits);
        return ((a.Bits ^ b.Bits) & (a.Bits ^ difference)) < 0 ? (a.Bits < 0 ? MinValue : MaxValue) : new(difference);
    }

    public static I32F32 operator -(I32F32 a) => a.Bits == long.MinValue ? MaxValue : new(-a.Bits);

    public static I32F32 operator *(I32F32 a, I32F32 b) =>
        TryMultiply(a.Bits, b.Bits, out var bits) ? new(bits) : (a.Bits < 0) != (b.Bits < 0) ? MinValue : MaxValue;

    /// <summary>saturating_div; a zero divisor throws, as the Rust version panics.</summary>
    public static I32F32 operator /(I32F32 a, I32F32 b) =>
        b.Bits == 0 ? throw new DivideByZeroException() : new(Saturate(Divide(a.Bits, b.Bits)));

    public static bool operator <(I32F32 a, I32F32 b) => a.Bits < b.Bits;

    public static bool operator >(I32F32 a, I32F32 b) => a.Bits > b.Bits;

    public static bool operator <=(I32F32 a, I32F32 b) => a.Bits <= b.Bits;

    public static bool operator >=(I32F32 a, I32F32 b) => a.Bits >= b.Bits;

    public int CompareTo(I32F32 other) => Bits.CompareTo(other.Bits);

    public override string ToString() => ToDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The 128-bit product shifted right by 32 (floor); false when it does not fit 64 bits.</summary>
    private static bool TryMultiply(long a, long b, out long bits)
    {
        var high = Math.BigMul(a, b, out var low);
        bits = (high << FractionBits) | unchecked((long)((ulong)low >> FractionBits));
        return high >> (FractionBits - 1) is 0 or -1;
    }

    /// <summary>
    /// trunc(a·2^32 / b) for b ≠ 0. The divisor's trailing zero bits (up to 32) cancel against the shift;
    /// when the shifted magnitude then fits 64 bits, one 64-bit division gives the same quotient as the
    /// 128-bit one (the rationals are equal), which covers proportions and integer-valued sums alike.
    /// </summary>
    private static Int128 Divide(long a, long b)
    {
        var (magnitude, divisor) = (Magnitude(a), Magnitude(b));
        var cancelled = Math.Min(BitOperations.TrailingZeroCount(divisor), FractionBits);
        var shift = FractionBits - cancelled;
        if (BitOperations.LeadingZeroCount(magnitude) < shift)
        {
            return ((Int128)a << FractionBits) / b;
        }
        var quotient = (magnitude << shift) / (divisor >> cancelled);
        return (a < 0) != (b < 0) ? -(Int128)quotient : quotient;
    }

    private static ulong Magnitude(long value) => value < 0 ? unchecked((ulong)-value) : (ulong)value;

    private static long Saturate(Int128 bits) => bits > long.MaxValue ? long.MaxValue : bits < long.MinValue ? long.MinValue : (long)bits;
}
