using Appliance.Primitives;
using Appliance.Scale;

namespace Appliance.Runtime.Subnets;

/// <summary>A subnet's owner (coldkey and hotkey), the TAO it locked, and when it was created.</summary>
public readonly record struct SubnetInfo(AccountId OwnerColdkey, AccountId OwnerHotkey, Rao Locked, ulong RegisteredAt) : IScaleCodec<SubnetInfo>
{
    public static SubnetInfo Read(ScaleReader reader) => new(AccountId.Read(reader), AccountId.Read(reader), Rao.Read(reader), reader.U64());

    public void Write(ScaleWriter writer)
    {
        OwnerColdkey.Write(writer);
        OwnerHotkey.Write(writer);
        Locked.Write(writer);
        writer.U64(RegisteredAt);
    }
}
