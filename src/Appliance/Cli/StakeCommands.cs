using System.CommandLine;
using Appliance.Primitives;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance stake add|remove</c>: --hotkey is a hotkey of the wallet, or any hotkey's SS58 address to nominate it.
/// An amount below the minimum, above the free balance (add) or above the stake (remove) is refused before signing.
/// </summary>
public static class StakeCommands
{
    public static Command Create(CliConsole console)
    {
        var stake = new Command("stake", "Stake TAO on a hotkey in a subnet, or take it back");
        stake.Subcommands.Add(Change(console, add: true));
        stake.Subcommands.Add(Change(console, add: false));
        stake.Subcommands.Add(StakeListCommand.Create(console));
        return stake;
    }

    private static Command Change(CliConsole console, bool add)
    {
        var signed = new SignedCommand();
        var netuid = SubnetCommands.NetuidOption();
        var amount = new Option<string>("--amount") { Description = "Amount in TAO", Required = true };
        var command = signed.Create(add ? "add" : "remove", add ? "Move TAO from the coldkey onto the hotkey" : "Move staked TAO back to the coldkey", netuid, amount);
        command.SetAction(async (parse, cancellation) =>
        {
            var hotkey = signed.HotkeyAddress(parse);
            var value = Rao.ParseTao(parse.GetValue(amount)!);
            var id = new NetUid(parse.GetValue(netuid));
            var coldkey = signed.ColdkeyAddress(parse);
            Runtime.RuntimeCall call = add ? new AddStake(hotkey, id, value) : new RemoveStake(hotkey, id, value);
            var question = add
                ? $"Do you want to stake {value} from {coldkey} on hotkey {hotkey} in subnet {id}?"
                : $"Do you want to unstake {value} from hotkey {hotkey} in subnet {id} back to {coldkey}?";
            return await signed.SubmitAsync(parse, console, coldkey, () => signed.OpenColdkey(parse, console), call, question,
                (state, fee) => add ? AddRefusal(state, hotkey, id, value, fee) : RemoveRefusal(state, hotkey, id, value), cancellation);
        });
        return command;
    }

    /// <summary>add_stake's amount checks (AmountTooLow, NotEnoughBalanceToStake), the fee paid first.</summary>
    private static string? AddRefusal(SignerState state, AccountId hotkey, NetUid netuid, Rao value, Rao fee)
    {
        if (value < StakingModule.MinStake)
        {
            return SubtensorErrors.AmountTooLow(value, StakingModule.MinStake).ToString();
        }
        var free = state.FreeAfterPending();
        var left = free.Value >= fee.Value ? new Rao(free.Value - fee.Value) : Rao.Zero;
        return value > left
            ? $"{SubtensorErrors.NotEnoughBalanceToStake("staking", value, left)} (after the fee {fee}){Preflight.AfterPending(state)}"
            : null;
    }

    /// <summary>remove_stake's amount checks (AmountTooLow for 0, NotEnoughStakeToWithdraw).</summary>
    private static string? RemoveRefusal(SignerState state, AccountId hotkey, NetUid netuid, Rao value)
    {
        if (value == Rao.Zero)
        {
            return SubtensorErrors.AmountTooLow(value, new Rao(1)).ToString();
        }
        var staked = state.StakeAfterPending(hotkey, netuid);
        return value > staked ? $"{SubtensorErrors.NotEnoughStakeToWithdraw(value, staked)}{Preflight.AfterPending(state)}" : null;
    }
}
