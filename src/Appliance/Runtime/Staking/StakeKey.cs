using Appliance.Primitives;
using Appliance.Scale;

namespace Appliance.Runtime.Staking;

/// <summary>(coldkey, hotkey, netuid): one nominator's stake on one hotkey in one subnet. Coldkey first so an account's stakes scan together.</summary>
public readonly record struct StakeKey(AccountId Coldkey, AccountId Hotkey, NetUid NetUid) : IScaleCodec<StakeKey>
{
    public static StakeKey Read(ScaleReader reader) => new(AccountId.Read(reader), AccountId.Read(reader), NetUid.Read(reader));

    public void Write(ScaleWriter writer)
    {
        Coldkey.Write(writer);
        Hotkey.Write(writer);
        NetUid.Write(writer);
    }
}
