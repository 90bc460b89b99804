using System.CommandLine;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Staking;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance stake move|transfer|swap</c> (btcli's names and flags): the coldkey's stake on a hotkey leaves for
/// another hotkey (move), another coldkey (transfer, --dest) or another subnet (swap; move and transfer may
/// change subnet too). --amount is in the origin's unit (alpha; TAO on root), --all takes the whole stake; the
/// chain caps the amount to the stake. A dynamic chain's calls: across subnets they sell on one pool and buy on
/// the other.
/// </summary>
public static class StakeTransitionCommands
{
    public static Command Move(CliConsole console)
    {
        var signed = new SignedCommand();
        signed.Hotkey.Aliases.Add("--origin-hotkey");
        var (origin, destination, amount, all) = (OriginOption(), DestinationOption(), AmountOption(), AllOption("--stake-all"));
        var destHotkey = new Option<string>("--dest-hotkey") { Description = "The destination hotkey: a hotkey name of the wallet or an SS58 address", Required = true };
        var command = signed.Create("move", "Move stake to another hotkey (and subnet), keeping the coldkey", origin, destination, destHotkey, amount, all);
        command.SetAction(async (parse, cancellation) =>
        {
            var hotkey = signed.HotkeyAddress(parse);
            var coldkey = signed.ColdkeyAddress(parse);
            var to = signed.HotkeyAddress(parse, parse.GetValue(destHotkey)!);
            var (from, into) = Netuids(parse, origin, destination);
            return await SubmitAsync(parse, console, signed, amount, all, coldkey, coldkey, hotkey, to, from, into,
                alpha => new MoveStake(hotkey, to, from, into, alpha), ExtrinsicOutcome.StakeMoved, cancellation);
        });
        return command;
    }

    public static Command Transfer(CliConsole console)
    {
        var signed = new SignedCommand();
        var (origin, destination, amount, all) = (OriginOption(), DestinationOption(), AmountOption(), AllOption("--stake-all"));
        var dest = new Option<string>("--dest") { Description = "SS58 address of the coldkey that gets the stake", Required = true };
        var command = signed.Create("transfer", "Give stake on a hotkey to another coldkey (in the same or another subnet)", origin, destination, dest, amount, all);
        command.SetAction(async (parse, cancellation) =>
        {
            var hotkey = signed.HotkeyAddress(parse);
            var coldkey = signed.ColdkeyAddress(parse);
            var to = AccountId.Parse(parse.GetValue(dest)!);
            var (from, into) = Netuids(parse, origin, destination);
            return await SubmitAsync(parse, console, signed, amount, all, coldkey, to, hotkey, hotkey, from, into,
                alpha => new TransferStake(to, hotkey, from, into, alpha), ExtrinsicOutcome.StakeTransferred, cancellation);
        });
        return command;
    }

    public static Command Swap(CliConsole console)
    {
        var signed = new SignedCommand();
        var (origin, destination, amount, all) = (OriginOption(), DestinationOption(), AmountOption(), AllOption("--swap-all"));
        destination.Required = true;
        var command = signed.Create("swap", "Swap stake on a hotkey from one subnet's alpha to another's", origin, destination, amount, all);
        command.SetAction(async (parse, cancellation) =>
        {
            var hotkey = signed.HotkeyAddress(parse);
            var coldkey = signed.ColdkeyAddress(parse);
            var (from, into) = Netuids(parse, origin, destination);
            return await SubmitAsync(parse, console, signed, amount, all, coldkey, coldkey, hotkey, hotkey, from, into,
                alpha => new SwapStake(hotkey, from, into, alpha), ExtrinsicOutcome.StakeSwapped, cancellation);
        });
        return command;
    }

    private static async Task<int> SubmitAsync(
        ParseResult parse, CliConsole console, SignedCommand signed, Option<string?> amount, Option<bool> all, AccountId coldkey, AccountId destColdkey,
        AccountId hotkey, AccountId destHotkey, NetUid from, NetUid into, Func<Rao, RuntimeCall> call, ExtrinsicOutcome outcome, CancellationToken cancellation)
    {
        using var client = signed.Client(parse);
        var origin = await SubnetPool.LoadAsync(client, from, cancellation);
        StakeCommands.RequireDynamic(origin, call(Rao.Zero));
        var destination = into == from ? origin : await SubnetPool.LoadAsync(client, into, cancellation);
        var alpha = await StakeCommands.AmountOrAllAsync(parse, amount, all, () => StakeCommands.StakedAsync(client, coldkey, hotkey, from, cancellation));
        var built = call(alpha);
        var move = new StakeMove(origin, destination, coldkey, destColdkey, hotkey, destHotkey, alpha);
        return await signed.SubmitAsync(parse, console, coldkey, () => signed.OpenColdkey(parse, console), built,
            $"Do you want to {built.Info.Name.Replace('_', ' ')} {Output.Amount(alpha.Value, origin.Unit)} of hotkey {hotkey} in subnet {from}"
                + $" to {(destColdkey == coldkey ? "" : $"coldkey {destColdkey}, ")}hotkey {destHotkey} in subnet {into}?",
            (state, _) => StakePreflight.Transition(state, move), cancellation, outcome, state => StakeQuotes.Transition(state, move));
    }

    private static (NetUid From, NetUid Into) Netuids(ParseResult parse, Option<ushort> origin, Option<ushort?> destination)
    {
        var from = parse.GetValue(origin);
        return (new NetUid(from), new NetUid(parse.GetValue(destination) ?? from));
    }

    private static Option<ushort> OriginOption() => new("--origin-netuid") { Description = "The subnet the stake is in", Required = true };

    private static Option<ushort?> DestinationOption() => new("--dest-netuid") { Description = "The subnet it goes to (default: the same)" };

    private static Option<string?> AmountOption() => new("--amount") { Description = "Amount of the origin's stake: alpha (TAO on root)" };

    private static Option<bool> AllOption(string btcliName) => new("--all", btcliName) { Description = "All of the coldkey's stake on the hotkey in the origin subnet" };
}
