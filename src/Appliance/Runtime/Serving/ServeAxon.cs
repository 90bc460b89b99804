using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Subnets;
using Appliance.Scale;

namespace Appliance.Runtime.Serving;

/// <summary>
/// serve_axon(netuid, version, ip, port, ip_type, protocol, placeholder1, placeholder2), by the hotkey:
/// records where its axon listens, at most once per serving_rate_limit blocks. Loopback addresses are
/// accepted (subtensor refuses them) because an appliance's miners live on one machine.
/// </summary>
public sealed record ServeAxon(NetUid NetUid, uint Version, UInt128 Ip, ushort Port, byte IpType, byte Protocol) : RuntimeCall
{
    public static readonly CallInfo CallInfo = new(SubnetsModule.Index, SubnetsModule.Name, 4, "serve_axon", r =>
    {
        var call = new ServeAxon(NetUid.Read(r), r.U32(), r.U64() | ((UInt128)r.U64() << 64), r.U16(), r.U8(), r.U8());
        r.U8();
        r.U8();
        return call;
    }, PaysFee: false);

    public override CallInfo Info => CallInfo;

    public override void WriteArgs(ScaleWriter writer)
    {
        NetUid.Write(writer);
        writer.U32(Version).U64((ulong)(Ip & ulong.MaxValue)).U64((ulong)(Ip >> 64)).U16(Port).U8(IpType).U8(Protocol).U8(0).U8(0);
    }

    public override JsonObject Describe() =>
        new() { ["netuid"] = NetUid.Value, ["version"] = Version, ["ip"] = new AxonInfo(0, Version, Ip, Port, IpType, Protocol).IpText, ["port"] = Port, ["ip_type"] = IpType, ["protocol"] = Protocol };

    public override DispatchError? Dispatch(DispatchContext context)
    {
        if (NeuronRegistry.Registered(context.State, NetUid, context.Signer, out _) is { } unregistered)
        {
            return unregistered;
        }
        if (IpType is not (4 or 6))
        {
            return SubtensorErrors.InvalidIpType(IpType);
        }
        if (Ip == 0 || (IpType == 4 && Ip > uint.MaxValue))
        {
            return SubtensorErrors.InvalidIpAddress(Ip, IpType);
        }
        if (Port == 0)
        {
            return SubtensorErrors.InvalidPort();
        }
        var key = new SubnetAccountKey(NetUid, context.Signer);
        var limit = (ulong)Hyperparameters.Get(context.State, NetUid, Hyperparameters.ServingRateLimit);
        if (ServingModule.Axons.TryGet(context.State, key, out var previous) && context.BlockNumber - previous.Block < limit)
        {
            return SubtensorErrors.ServingRateLimitExceeded(previous.Block, limit);
        }
        var axon = new AxonInfo(context.BlockNumber, Version, Ip, Port, IpType, Protocol);
        ServingModule.Axons.Set(context.State, key, axon);
        context.Deposit(SubnetsModule.Name, "AxonServed", new JsonObject
        {
            ["netuid"] = NetUid.Value,
            ["hotkey"] = context.Signer.Address,
            ["ip"] = axon.IpText,
            ["port"] = Port,
        });
        return null;
    }
}
