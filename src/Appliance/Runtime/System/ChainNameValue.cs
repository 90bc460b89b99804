using Appliance.Scale;

namespace Appliance.Runtime.System;

/// <summary>The chain's name from its genesis config, kept in state so it is part of the genesis hash.</summary>
public readonly record struct ChainNameValue(string Name) : IScaleCodec<ChainNameValue>
{
    public static ChainNameValue Read(ScaleReader reader) => new(reader.String());

    public void Write(ScaleWriter writer) => writer.String(Name);
}
