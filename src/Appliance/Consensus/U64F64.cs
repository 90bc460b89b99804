namespace Appliance.Consensus;

/// <summary>
/// substrate_fixed's U64F64: an unsigned 128-bit value with 64 fractional bits, the type of subtensor's pool
/// prices. Products are floored, quotients truncated, <see cref="SafeDiv"/> gives 0 on a zero divisor or
/// overflow, subtraction saturates at 0 and products at the maximum, as the pallet's saturating calls do.
/// </summary>
public readonly record struct U64F64(UInt128 Bits) : IComparable<U64F64>
{
    public const int FractionBits = 64;

    public static U64F64 Zero => default;
    public static U64F64 One => new(UInt128.One << FractionBits);
    public static U64F64 MaxValue => new(UInt128.MaxValue);

    public static U64F64 FromU64(ulong value) => new((UInt128)value << FractionBits);

    /// <summary>A U96F32 widened: the missing fraction bits are zero.</summary>
    public static U64F64 FromU96F32(U96F32 value) => value.Bits >> 64 != 0 ? MaxValue : new(value.Bits << 32);

    public bool IsZero => Bits == 0;

    public double ToDouble() => (double)Bits / Math.ScaleB(1.0, FractionBits);

    /// <summary>saturating_to_num::&lt;u64&gt;: the floor (the integer part always fits).</summary>
    public ulong ToU64() => (ulong)(Bits >> FractionBits);

    /// <summary>U96F32::saturating_from_num: the extra fraction bits are truncated.</summary>
    public U96F32 ToU96F32() => new(Bits >> 32);

    /// <summary>checked_div: null on a zero divisor or a quotient beyond the range.</summary>
    public U64F64? CheckedDiv(U64F64 divisor) => UnsignedFixed.Divide(Bits, divisor.Bits, FractionBits) is { } bits ? new(bits) : null;

    public U64F64 SafeDiv(U64F64 divisor) => CheckedDiv(divisor) ?? Zero;

    public static U64F64 operator *(U64F64 a, U64F64 b) => new(UnsignedFixed.Multiply(a.Bits, b.Bits, FractionBits));

    public static U64F64 operator +(U64F64 a, U64F64 b) => new(a.Bits > UInt128.MaxValue - b.Bits ? UInt128.MaxValue : a.Bits + b.Bits);

    public static U64F64 operator -(U64F64 a, U64F64 b) => new(a.Bits > b.Bits ? a.Bits - b.Bits : 0);

    public static bool operator <(U64F64 a, U64F64 b) => a.Bits < b.Bits;

    public static bool operator >(U64F64 a, U64F64 b) => a.Bits > b.Bits;

    public static bool operator <=(U64F64 a, U64F64 b) => a.Bits <= b.Bits;

    public static bool operator >=(U64F64 a, U64F64 b) => a.Bits >= b.Bits;

    public static U64F64 Min(U64F64 a, U64F64 b) => a < b ? a : b;

    public int CompareTo(U64F64 other) => Bits.CompareTo(other.Bits);
}
