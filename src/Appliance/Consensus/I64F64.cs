namespace Appliance.Consensus;

/// <summary>
/// substrate_fixed's I64F64 (spec §1): a signed 128-bit value with 64 fractional bits. The epoch uses it to
/// normalise stake before truncating to <see cref="I32F32"/>, and for bonds_moving_average / 10^6.
/// </summary>
public readonly record struct I64F64(Int128 Bits)
{
    public const int FractionBits = 64;

    public static I64F64 Zero => default;
    public static I64F64 MaxValue => new(Int128.MaxValue);

    /// <summary>saturating_from_num of an unsigned integer: values of 2^63 and above saturate.</summary>
    public static I64F64 FromU64(ulong value) => value > long.MaxValue ? MaxValue : new((Int128)value << FractionBits);

    public static I64F64 FromDouble(double value) => new(FixedPoint.RoundToBits(value, FractionBits));

    public bool IsZero => Bits == 0;

    public double ToDouble() => (double)Bits / Math.ScaleB(1.0, FractionBits);

    /// <summary>saturating_to_num::&lt;u64&gt;: the floor, clamped to [0, u64::MAX].</summary>
    public ulong ToU64Saturating() => Bits < 0 ? 0 : (ulong)(Bits >> FractionBits);

    /// <summary>I32F32::saturating_from_num: the extra fraction bits are dropped (floor), the range clamped.</summary>
    public I32F32 ToI32F32()
    {
        var bits = Bits >> (FractionBits - I32F32.FractionBits);
        return bits > long.MaxValue ? I32F32.MaxValue : bits < long.MinValue ? I32F32.MinValue : new I32F32((long)bits);
    }

    public I64F64 WrappingAdd(I64F64 other) => new(unchecked(Bits + other.Bits));

    public I64F64 SafeDiv(I64F64 divisor) => FixedPoint.DivideShifted(Bits, divisor.Bits, FractionBits) is { } bits ? new(bits) : Zero;

    /// <summary>saturating_div; a zero divisor throws, as the Rust version panics.</summary>
    public static I64F64 operator /(I64F64 a, I64F64 b)
    {
        if (b.Bits == 0)
        {
            throw new DivideByZeroException();
        }
        return FixedPoint.DivideShifted(a.Bits, b.Bits, FractionBits) is { } bits
            ? new(bits)
            : (a.Bits < 0) != (b.Bits < 0) ? new(Int128.MinValue) : MaxValue;
    }
}
