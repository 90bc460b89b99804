using Appliance.Primitives;
using Appliance.Scale;

namespace Appliance.Runtime.Subnets;

/// <summary>(netuid, uid): a neuron's slot.</summary>
public readonly record struct NeuronKey(NetUid NetUid, Uid Uid) : IScaleCodec<NeuronKey>
{
    public static NeuronKey Read(ScaleReader reader) => new(NetUid.Read(reader), Uid.Read(reader));

    public void Write(ScaleWriter writer)
    {
        NetUid.Write(writer);
        Uid.Write(writer);
    }
}

/// <summary>(netuid, account): a hotkey's place in a subnet.</summary>
public readonly record struct SubnetAccountKey(NetUid NetUid, AccountId Account) : IScaleCodec<SubnetAccountKey>
{
    public static SubnetAccountKey Read(ScaleReader reader) => new(NetUid.Read(reader), AccountId.Read(reader));

    public void Write(ScaleWriter writer)
    {
        NetUid.Write(writer);
        Account.Write(writer);
    }
}

/// <summary>(netuid, name): one hyperparameter of one subnet.</summary>
public readonly record struct HyperparameterKey(NetUid NetUid, string Name) : IScaleCodec<HyperparameterKey>
{
    public static HyperparameterKey Read(ScaleReader reader) => new(NetUid.Read(reader), reader.String());

    public void Write(ScaleWriter writer)
    {
        NetUid.Write(writer);
        writer.String(Name);
    }
}

/// <summary>A signed 64-bit number as a storage value.</summary>
public readonly record struct I64(long Value) : IScaleCodec<I64>
{
    public static I64 Read(ScaleReader reader) => new(unchecked((long)reader.U64()));

    public void Write(ScaleWriter writer) => writer.U64(unchecked((ulong)Value));
}

/// <summary>An unsigned 64-bit number (block numbers, counters) as a storage value.</summary>
public readonly record struct U64(ulong Value) : IScaleCodec<U64>
{
    public static U64 Read(ScaleReader reader) => new(reader.U64());

    public void Write(ScaleWriter writer) => writer.U64(Value);
}

/// <summary>An unsigned 16-bit number (takes, proportions) as a storage value.</summary>
public readonly record struct U16(ushort Value) : IScaleCodec<U16>
{
    public static U16 Read(ScaleReader reader) => new(reader.U16());

    public void Write(ScaleWriter writer) => writer.U16(Value);
}
