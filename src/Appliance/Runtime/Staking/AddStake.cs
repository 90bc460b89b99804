using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Subnets;

namespace Appliance.Runtime.Staking;

/// <summary>
/// add_stake(hotkey, netuid, amount), by any coldkey: the hotkey's owner stakes to itself, anyone else
/// nominates it. Classic: the TAO becomes stake and the hotkey must hold a uid in the subnet. Dynamic: the TAO
/// buys the subnet's alpha through its pool (TAO itself on root), checked as subtensor checks it.
/// </summary>
public sealed record AddStake(AccountId Hotkey, NetUid NetUid, Rao Amount) : StakeCall(Hotkey, NetUid, Amount)
{
    public static readonly CallInfo CallInfo = InfoFor(2, "add_stake", (hotkey, netuid, amount) => new AddStake(hotkey, netuid, amount));

    public override CallInfo Info => CallInfo;

    public override DispatchError? Dispatch(DispatchContext context)
    {
        if (EmissionModels.IsDynamic(context.State))
        {
            return DynamicStaking.Add(context, Hotkey, NetUid, Amount, limitRao: PoolSwap.MaxPriceRao, allowPartial: false, checkLimit: false);
        }
        if (NeuronRegistry.Registered(context.State, NetUid, Hotkey, out _) is { } unregistered)
        {
            return unregistered;
        }
        if (Amount < StakingModule.MinStake)
        {
            return SubtensorErrors.AmountTooLow(Amount, StakingModule.MinStake);
        }
        var free = BalancesModule.Free(context.State, context.Signer);
        if (free < Amount)
        {
            return SubtensorErrors.NotEnoughBalanceToStake("staking", Amount, free);
        }
        BalancesModule.Withdraw(context, context.Signer, Amount);
        StakingModule.Change(context.State, Key(context), Amount, add: true);
        context.Deposit(SubnetsModule.Name, "StakeAdded", EventFields(context));
        return null;
    }
}
