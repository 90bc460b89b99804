using Appliance.Scale;

namespace Appliance.Runtime.Pools;

/// <summary>The 128 bits of a fixed-point number (a moving price, a fraction) as a storage value, low half first.</summary>
public readonly record struct FixedValue(UInt128 Bits) : IScaleCodec<FixedValue>
{
    public static FixedValue Read(ScaleReader reader)
    {
        var low = reader.U64();
        return new(((UInt128)reader.U64() << 64) | low);
    }

    public void Write(ScaleWriter writer)
    {
        writer.U64((ulong)Bits);
        writer.U64((ulong)(Bits >> 64));
    }
}
