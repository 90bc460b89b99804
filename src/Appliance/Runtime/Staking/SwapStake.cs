using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.Scale;

namespace Appliance.Runtime.Staking;

/// <summary>swap_stake(hotkey, origin_netuid, destination_netuid, alpha): the signer's stake on a hotkey moves from one subnet's alpha to another's.</summary>
public sealed record SwapStake(AccountId Hotkey, NetUid OriginNetUid, NetUid DestinationNetUid, Rao Alpha) : RuntimeCall
{
    public static readonly CallInfo CallInfo = new(SubnetsModule.Index, SubnetsModule.Name, 87, "swap_stake",
        r => new SwapStake(AccountId.Read(r), NetUid.Read(r), NetUid.Read(r), Rao.Read(r)));

    public override CallInfo Info => CallInfo;

    public override void WriteArgs(ScaleWriter writer)
    {
        Hotkey.Write(writer);
        OriginNetUid.Write(writer);
        DestinationNetUid.Write(writer);
        Alpha.Write(writer);
    }

    public override JsonObject Describe() => new()
    {
        ["hotkey"] = Hotkey.Address,
        ["origin_netuid"] = OriginNetUid.Value,
        ["destination_netuid"] = DestinationNetUid.Value,
        ["alpha_amount"] = Alpha.Value,
    };

    public override DispatchError? Dispatch(DispatchContext context) => StakeTransition.Run(context,
        new(context.Signer, Hotkey, OriginNetUid), new(context.Signer, Hotkey, DestinationNetUid), Alpha, "StakeSwapped");
}
