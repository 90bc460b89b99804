using System.CommandLine;
using Appliance.Primitives;
using Appliance.Runtime.Staking;

namespace Appliance.Cli;

/// <summary><c>appliance stake add|remove</c>: --hotkey is a hotkey of the wallet, or any hotkey's SS58 address to nominate it.</summary>
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
            using var coldkey = signed.OpenColdkey(parse, console);
            Runtime.RuntimeCall call = add ? new AddStake(hotkey, id, value) : new RemoveStake(hotkey, id, value);
            return await signed.SubmitAsync(parse, console, coldkey, call, cancellation);
        });
        return command;
    }
}
