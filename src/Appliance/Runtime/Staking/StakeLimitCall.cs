using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.Scale;

namespace Appliance.Runtime.Staking;

/// <summary>
/// The arguments add_stake_limit and remove_stake_limit share: (hotkey, netuid, amount, limit_price,
/// allow_partial). The limit price is in rao of TAO per alpha; a partial fill stops where the price reaches it.
/// </summary>
public abstract record StakeLimitCall(AccountId Hotkey, NetUid NetUid, Rao Amount, ulong LimitPrice, bool AllowPartial) : RuntimeCall
{
    protected static CallInfo InfoFor(byte callIndex, string name, Func<AccountId, NetUid, Rao, ulong, bool, StakeLimitCall> create) =>
        new(SubnetsModule.Index, SubnetsModule.Name, callIndex, name,
            r => create(AccountId.Read(r), NetUid.Read(r), Rao.Read(r), r.U64(), r.Bool()));

    public override void WriteArgs(ScaleWriter writer)
    {
        Hotkey.Write(writer);
        NetUid.Write(writer);
        Amount.Write(writer);
        writer.U64(LimitPrice).Bool(AllowPartial);
    }

    public override JsonObject Describe() => new()
    {
        ["hotkey"] = Hotkey.Address,
        ["netuid"] = NetUid.Value,
        ["amount"] = Amount.Value,
        ["limit_price"] = LimitPrice,
        ["allow_partial"] = AllowPartial,
    };
}
