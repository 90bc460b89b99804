using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Subnets;

namespace Appliance.Runtime.Staking;

/// <summary>
/// remove_stake(hotkey, netuid, amount): the signer's stake on that hotkey returns to its free balance —
/// on a dynamic chain the amount is alpha, sold through the pool (capped at what is staked, as subtensor does).
/// </summary>
public sealed record RemoveStake(AccountId Hotkey, NetUid NetUid, Rao Amount) : StakeCall(Hotkey, NetUid, Amount)
{
    public static readonly CallInfo CallInfo = InfoFor(3, "remove_stake", (hotkey, netuid, amount) => new RemoveStake(hotkey, netuid, amount));

    public override CallInfo Info => CallInfo;

    public override DispatchError? Dispatch(DispatchContext context)
    {
        if (EmissionModels.IsDynamic(context.State))
        {
            return DynamicStaking.Remove(context, Hotkey, NetUid, Amount);
        }
        if (!SubnetsModule.Exists(context.State, NetUid))
        {
            return SubtensorErrors.SubNetworkDoesNotExist(NetUid);
        }
        if (Amount == Rao.Zero)
        {
            return SubtensorErrors.AmountTooLow(Amount, new Rao(1));
        }
        var staked = StakingModule.Of(context.State, Key(context));
        if (staked < Amount)
        {
            return SubtensorErrors.NotEnoughStakeToWithdraw(Amount, staked);
        }
        StakingModule.Change(context.State, Key(context), Amount, add: false);
        BalancesModule.Deposit(context.State, context.Signer, Amount);
        context.Deposit(SubnetsModule.Name, "StakeRemoved", EventFields(context));
        return null;
    }
}
