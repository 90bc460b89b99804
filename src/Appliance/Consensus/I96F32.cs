namespace Appliance.Consensus;

/// <summary>
/// substrate_fixed's I96F32 (spec §1): a signed 128-bit value with 32 fractional bits. The epoch turns its
/// emission shares into rao with it: floor(share·R) without losing the integer part of R.
/// </summary>
public readonly record struct I96F32(Int128 Bits)
{
    public const int FractionBits = 32;

    public static I96F32 FromI32F32(I32F32 value) => new(value.Bits);

    public static I96F32 FromU64(ulong value) => new((Int128)value << FractionBits);

    /// <summary>saturating_to_num::&lt;u64&gt;: the floor, clamped to [0, u64::MAX].</summary>
    public ulong ToU64Saturating()
    {
        var floor = Bits >> FractionBits;
        return floor < 0 ? 0 : floor > ulong.MaxValue ? ulong.MaxValue : (ulong)floor;
    }

    public static I96F32 operator *(I96F32 a, I96F32 b) => new(FixedPoint.MultiplyShift(a.Bits, b.Bits, FractionBits));
}
