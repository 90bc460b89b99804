using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Scale;

namespace Appliance.Runtime.Subnets;

/// <summary>
/// sudo_set_hyperparameter(netuid, name, value), by the subnet owner's coldkey: one call for what
/// subtensor's AdminUtils pallet (index 19) spreads over a sudo_set_* call per parameter. The value is
/// checked against the parameter's bounds and the cross-parameter rules.
/// </summary>
public sealed record SudoSetHyperparameter(NetUid NetUid, string Name, long Value) : RuntimeCall
{
    public const byte AdminUtilsIndex = 19;

    public static readonly CallInfo CallInfo = new(AdminUtilsIndex, "AdminUtils", 0, "sudo_set_hyperparameter",
        r => new SudoSetHyperparameter(NetUid.Read(r), r.String(), unchecked((long)r.U64())));

    public override CallInfo Info => CallInfo;

    public override void WriteArgs(ScaleWriter writer)
    {
        NetUid.Write(writer);
        writer.String(Name).U64(unchecked((ulong)Value));
    }

    public override JsonObject Describe() => new() { ["netuid"] = NetUid.Value, ["name"] = Name, ["value"] = Value };

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
        if (!Hyperparameters.ByName.TryGetValue(Name, out var parameter))
        {
            return SubtensorErrors.UnknownHyperparameter(Name);
        }
        if (Value < parameter.Min || Value > parameter.Max)
        {
            return SubtensorErrors.ValueOutOfBounds(parameter, Value);
        }
        if (Hyperparameters.Inconsistency(state, NetUid, parameter, Value) is { } inconsistency)
        {
            return SubtensorErrors.InconsistentHyperparameters(inconsistency);
        }
        Hyperparameters.Set(state, NetUid, parameter, Value);
        context.Deposit(SubnetsModule.Name, "HyperparameterSet", new JsonObject
        {
            ["netuid"] = NetUid.Value,
            ["name"] = Name,
            ["value"] = JsonValue.Create(parameter.Display(Value)),
        });
        return null;
    }
}
