using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Subnets;
using Appliance.Scale;

namespace Appliance.Runtime.Staking;

/// <summary>
/// decrease_take / increase_take(hotkey, take), by the hotkey's owner: the share of the hotkey's dividends
/// it keeps before its nominators are paid (u16, at most 18 %). Decrease must lower it, increase raise it.
/// </summary>
public sealed record SetTake(AccountId Hotkey, ushort Take, bool Increase) : RuntimeCall
{
    public static readonly CallInfo DecreaseInfo = new(SubnetsModule.Index, SubnetsModule.Name, 65, "decrease_take",
        r => new SetTake(AccountId.Read(r), r.U16(), Increase: false));

    public static readonly CallInfo IncreaseInfo = new(SubnetsModule.Index, SubnetsModule.Name, 66, "increase_take",
        r => new SetTake(AccountId.Read(r), r.U16(), Increase: true));

    public override CallInfo Info => Increase ? IncreaseInfo : DecreaseInfo;

    public override void WriteArgs(ScaleWriter writer)
    {
        Hotkey.Write(writer);
        writer.U16(Take);
    }

    public override JsonObject Describe() => new() { ["hotkey"] = Hotkey.Address, ["take"] = Take };

    public override DispatchError? Dispatch(DispatchContext context)
    {
        if (!SubnetsModule.Owner.TryGet(context.State, Hotkey, out var owner))
        {
            return SubtensorErrors.HotKeyAccountNotExists(Hotkey);
        }
        if (NeuronRegistry.CheckOwnership(context.State, context.Signer, Hotkey) is { } notOwner)
        {
            return notOwner;
        }
        var current = StakingModule.TakeOf(context.State, Hotkey);
        if (Increase && (Take <= current || Take > StakingModule.MaxTake))
        {
            return SubtensorErrors.DelegateTakeTooHigh(Take, current, StakingModule.MaxTake);
        }
        if (!Increase && Take >= current)
        {
            return SubtensorErrors.DelegateTakeTooLow(Take, current);
        }
        StakingModule.Delegates.Set(context.State, Hotkey, new U16(Take));
        context.Deposit(SubnetsModule.Name, Increase ? "TakeIncreased" : "TakeDecreased",
            new JsonObject { ["coldkey"] = owner.Address, ["hotkey"] = Hotkey.Address, ["take"] = Take });
        return null;
    }
}
