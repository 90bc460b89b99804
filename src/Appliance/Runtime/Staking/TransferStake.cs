using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.Scale;

namespace Appliance.Runtime.Staking;

/// <summary>transfer_stake(destination_coldkey, hotkey, origin_netuid, destination_netuid, alpha): the signer's stake on a hotkey becomes another coldkey's.</summary>
public sealed record TransferStake(AccountId DestinationColdkey, AccountId Hotkey, NetUid OriginNetUid, NetUid DestinationNetUid, Rao Alpha) : RuntimeCall
{
    public static readonly CallInfo CallInfo = new(SubnetsModule.Index, SubnetsModule.Name, 86, "transfer_stake",
        r => new TransferStake(AccountId.Read(r), AccountId.Read(r), NetUid.Read(r), NetUid.Read(r), Rao.Read(r)));

    public override CallInfo Info => CallInfo;

    public override void WriteArgs(ScaleWriter writer)
    {
        DestinationColdkey.Write(writer);
        Hotkey.Write(writer);
        OriginNetUid.Write(writer);
        DestinationNetUid.Write(writer);
        Alpha.Write(writer);
    }

    public override JsonObject Describe() => new()
    {
        ["destination_coldkey"] = DestinationColdkey.Address,
        ["hotkey"] = Hotkey.Address,
        ["origin_netuid"] = OriginNetUid.Value,
        ["destination_netuid"] = DestinationNetUid.Value,
        ["alpha_amount"] = Alpha.Value,
    };

    public override DispatchError? Dispatch(DispatchContext context) => StakeTransition.Run(context,
        new(context.Signer, Hotkey, OriginNetUid), new(DestinationColdkey, Hotkey, DestinationNetUid), Alpha, "StakeTransferred");
}
