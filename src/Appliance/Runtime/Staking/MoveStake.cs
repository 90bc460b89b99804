using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.Scale;

namespace Appliance.Runtime.Staking;

/// <summary>move_stake(origin_hotkey, destination_hotkey, origin_netuid, destination_netuid, alpha): the signer's stake moves to another hotkey and/or subnet.</summary>
public sealed record MoveStake(AccountId OriginHotkey, AccountId DestinationHotkey, NetUid OriginNetUid, NetUid DestinationNetUid, Rao Alpha) : RuntimeCall
{
    public static readonly CallInfo CallInfo = new(SubnetsModule.Index, SubnetsModule.Name, 85, "move_stake",
        r => new MoveStake(AccountId.Read(r), AccountId.Read(r), NetUid.Read(r), NetUid.Read(r), Rao.Read(r)));

    public override CallInfo Info => CallInfo;

    public override void WriteArgs(ScaleWriter writer)
    {
        OriginHotkey.Write(writer);
        DestinationHotkey.Write(writer);
        OriginNetUid.Write(writer);
        DestinationNetUid.Write(writer);
        Alpha.Write(writer);
    }

    public override JsonObject Describe() => new()
    {
        ["origin_hotkey"] = OriginHotkey.Address,
        ["destination_hotkey"] = DestinationHotkey.Address,
        ["origin_netuid"] = OriginNetUid.Value,
        ["destination_netuid"] = DestinationNetUid.Value,
        ["alpha_amount"] = Alpha.Value,
    };

    public override DispatchError? Dispatch(DispatchContext context) => StakeTransition.Run(context,
        new(context.Signer, OriginHotkey, OriginNetUid), new(context.Signer, DestinationHotkey, DestinationNetUid), Alpha, "StakeMoved");
}
