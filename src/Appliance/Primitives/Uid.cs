using Appliance.Scale;

namespace Appliance.Primitives;

/// <summary>A neuron's slot in a subnet (u16).</summary>
public readonly record struct Uid(ushort Value) : IScaleCodec<Uid>
{
    public static Uid Read(ScaleReader reader) => new(reader.U16());

    public void Write(ScaleWriter writer) => writer.U16(Value);

    public override string ToString() => Value.ToString();
}
