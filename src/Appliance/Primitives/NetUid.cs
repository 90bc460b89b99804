using Appliance.Scale;

namespace Appliance.Primitives;

/// <summary>A subnet's id (u16, from 1; 0 is subtensor's root network, which this chain does not have).</summary>
public readonly record struct NetUid(ushort Value) : IScaleCodec<NetUid>
{
    public static NetUid Read(ScaleReader reader) => new(reader.U16());

    public void Write(ScaleWriter writer) => writer.U16(Value);

    public override string ToString() => Value.ToString();
}
