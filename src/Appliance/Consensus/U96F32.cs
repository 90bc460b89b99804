namespace Appliance.Consensus;

/// <summary>
/// substrate_fixed's U96F32: an unsigned 128-bit value with 32 fractional bits, the type of subtensor's
/// coinbase arithmetic (emission shares, injections, the owner cut, root proportion).
/// </summary>
public readonly record struct U96F32(UInt128 Bits) : IComparable<U96F32>
{
    public const int FractionBits = 32;

    public static U96F32 Zero => default;
    public static U96F32 One => new(UInt128.One << FractionBits);

    public static U96F32 FromU64(ulong value) => new((UInt128)value << FractionBits);

    /// <summary>v / 65535 (owner cut, take): U96F32(v) / U96F32(65535), truncated.</summary>
    public static U96F32 FromU16Proportion(ushort value) => FromU64(value).SafeDiv(FromU64(ushort.MaxValue));

    /// <summary>v / u64::MAX (TaoWeight): U96F32(v) / U96F32(u64::MAX), truncated.</summary>
    public static U96F32 FromU64Proportion(ulong value) => FromU64(value).SafeDiv(FromU64(ulong.MaxValue));

    public bool IsZero => Bits == 0;

    public double ToDouble() => (double)Bits / Math.ScaleB(1.0, FractionBits);

    /// <summary>saturating_to_num::&lt;u64&gt;: the floor, clamped to u64::MAX.</summary>
    public ulong ToU64()
    {
        var floor = Bits >> FractionBits;
        return floor > ulong.MaxValue ? ulong.MaxValue : (ulong)floor;
    }

    public U96F32? CheckedDiv(U96F32 divisor) => UnsignedFixed.Divide(Bits, divisor.Bits, FractionBits) is { } bits ? new(bits) : null;

    public U96F32 SafeDiv(U96F32 divisor) => CheckedDiv(divisor) ?? Zero;

    public static U96F32 operator *(U96F32 a, U96F32 b) => new(UnsignedFixed.Multiply(a.Bits, b.Bits, FractionBits));

    public static U96F32 operator +(U96F32 a, U96F32 b) => new(a.Bits > UInt128.MaxValue - b.Bits ? UInt128.MaxValue : a.Bits + b.Bits);

    public static U96F32 operator -(U96F32 a, U96F32 b) => new(a.Bits > b.Bits ? a.Bits - b.Bits : 0);

    public static bool operator <(U96F32 a, U96F32 b) => a.Bits < b.Bits;

    public static bool operator >(U96F32 a, U96F32 b) => a.Bits > b.Bits;

    public static bool operator <=(U96F32 a, U96F32 b) => a.Bits <= b.Bits;

    public static bool operator >=(U96F32 a, U96F32 b) => a.Bits >= b.Bits;

    public int CompareTo(U96F32 other) => Bits.CompareTo(other.Bits);
}
