using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.Scale;

namespace Appliance.Runtime.Staking;

/// <summary>The arguments add_stake and remove_stake share: (hotkey, netuid, amount).</summary>
public abstract record StakeCall(AccountId Hotkey, NetUid NetUid, Rao Amount) : RuntimeCall
{
    /// <summary>Where a stake call sits in SubtensorModule, decoding its arguments into <paramref name="create"/>.</summary>
    protected static CallInfo InfoFor(byte callIndex, string name, Func<AccountId, NetUid, Rao, StakeCall> create) =>
        new(SubnetsModule.Index, SubnetsModule.Name, callIndex, name, r => create(AccountId.Read(r), NetUid.Read(r), Rao.Read(r)));

    protected StakeKey Key(DispatchContext context) => new(context.Signer, Hotkey, NetUid);

    public override void WriteArgs(ScaleWriter writer)
    {
        Hotkey.Write(writer);
        NetUid.Write(writer);
        Amount.Write(writer);
    }

    public override JsonObject Describe() => new() { ["hotkey"] = Hotkey.Address, ["netuid"] = NetUid.Value, ["amount"] = Amount.Value };

    protected JsonObject EventFields(DispatchContext context) => new()
    {
        ["coldkey"] = context.Signer.Address,
        ["hotkey"] = Hotkey.Address,
        ["netuid"] = NetUid.Value,
        ["amount"] = Amount.Value,
    };
}
