using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Pools;
using Appliance.Scale;

namespace Appliance.Runtime.Subnets;

/// <summary>
/// start_call(netuid), by the subnet's owner: the subnet emits from the next block on and takes stake
/// (subtensor's FirstEmissionBlockNumber and SubtokenEnabled). A dynamic subnet does neither before it.
/// </summary>
public sealed record StartCall(NetUid NetUid) : RuntimeCall
{
    public static readonly CallInfo CallInfo = new(SubnetsModule.Index, SubnetsModule.Name, 92, "start_call", r => new StartCall(NetUid.Read(r)));

    public override CallInfo Info => CallInfo;

    public override void WriteArgs(ScaleWriter writer) => NetUid.Write(writer);

    public override JsonObject Describe() => new() { ["netuid"] = NetUid.Value };

    public override DispatchError? Dispatch(DispatchContext context)
    {
        var state = context.State;
        if (!SubnetsModule.Subnets.TryGet(state, NetUid, out var subnet))
        {
            return SubtensorErrors.SubNetworkDoesNotExist(NetUid);
        }
        if (subnet.OwnerColdkey != context.Signer)
        {
            return SubtensorErrors.NotSubnetOwner(NetUid, subnet.OwnerColdkey);
        }
        if (SubnetPools.FirstEmissionBlock.TryGet(state, NetUid, out var first))
        {
            return SubtensorErrors.FirstEmissionBlockNumberAlreadySet(NetUid, first.Value);
        }
        var block = context.BlockNumber + 1;
        SubnetPools.FirstEmissionBlock.Set(state, NetUid, new U64(block));
        context.Deposit(SubnetsModule.Name, "FirstEmissionBlockNumberSet", new JsonObject { ["netuid"] = NetUid.Value, ["block"] = block });
        return null;
    }
}
