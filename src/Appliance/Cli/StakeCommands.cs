using System.CommandLine;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance stake add|remove|list|move|transfer|swap</c>: --hotkey is a hotkey of the wallet, or any hotkey's
/// SS58 address to nominate it. On a dynamic chain stake on a subnet is its alpha, bought and sold through the
/// subnet's pool: before signing the command quotes what the pool gives (<see cref="StakeQuotes"/>), and after
/// inclusion prints what it gave. --limit-price (TAO per alpha) and --partial use add_stake_limit and
/// remove_stake_limit. What the chain would refuse is refused before signing (<see cref="StakePreflight"/>).
/// </summary>
public static class StakeCommands
{
    public static Command Create(CliConsole console)
    {
        var stake = new Command("stake", "Stake TAO on a hotkey in a subnet (its alpha, through the subnet's pool, on a dynamic chain), take it back or move it");
        stake.Subcommands.Add(AddCommand(console));
        stake.Subcommands.Add(RemoveCommand(console));
        stake.Subcommands.Add(StakeListCommand.Create(console));
        stake.Subcommands.Add(StakeTransitionCommands.Move(console));
        stake.Subcommands.Add(StakeTransitionCommands.Transfer(console));
        stake.Subcommands.Add(StakeTransitionCommands.Swap(console));
        return stake;
    }

    private static Option<string?> LimitPriceOption() => new("--limit-price")
    {
        Description = "Price limit in TAO per alpha: buy only while the price stays at or below it (add), sell only while it stays at or above it (remove)",
        HelpName = "TAO",
    };

    private static Option<bool> PartialOption() => new("--partial", "--allow-partial-stake")
    {
        Description = "With --limit-price: fill as much as the limit allows instead of refusing the whole amount",
    };

    private static Command AddCommand(CliConsole console)
    {
        var signed = new SignedCommand();
        var (netuid, limitPrice, partial) = (SubnetCommands.NetuidOption(), LimitPriceOption(), PartialOption());
        var amount = new Option<string>("--amount") { Description = "Amount in TAO (fee included)", Required = true };
        var command = signed.Create("add", "Stake TAO from the coldkey on the hotkey: on a dynamic chain it buys the subnet's alpha", netuid, amount, limitPrice, partial);
        command.SetAction(async (parse, cancellation) =>
        {
            var (hotkey, coldkey, id) = (signed.HotkeyAddress(parse), signed.ColdkeyAddress(parse), new NetUid(parse.GetValue(netuid)));
            var value = Rao.ParseTao(parse.GetValue(amount)!);
            var (limit, allowPartial) = Limit(parse, limitPrice, partial);
            using var client = signed.Client(parse);
            var pool = await SubnetPool.LoadAsync(client, id, cancellation);
            RuntimeCall call = limit is { } price ? new AddStakeLimit(hotkey, id, value, price, allowPartial) : new AddStake(hotkey, id, value);
            RequireDynamic(pool, call);
            var order = new StakeOrder(pool, hotkey, value, limit, allowPartial);
            return await signed.SubmitAsync(parse, console, coldkey, () => signed.OpenColdkey(parse, console), call,
                $"Do you want to stake {value} from {coldkey} on hotkey {hotkey} in subnet {id}?",
                (state, fee) => pool.Dynamic ? StakePreflight.Add(state, order, fee) : ClassicAddRefusal(state, value, fee),
                cancellation, ExtrinsicOutcome.StakeAdded, pool.Dynamic ? _ => StakeQuotes.Add(order) : null);
        });
        return command;
    }

    private static Command RemoveCommand(CliConsole console)
    {
        var signed = new SignedCommand();
        var (netuid, limitPrice, partial) = (SubnetCommands.NetuidOption(), LimitPriceOption(), PartialOption());
        var amount = new Option<string?>("--amount") { Description = "Amount to unstake: alpha on a dynamic chain's subnet, TAO on root or a classic chain" };
        var all = new Option<bool>("--all", "--unstake-all") { Description = "Unstake all of the coldkey's stake on the hotkey in the subnet" };
        var command = signed.Create("remove", "Unstake from the hotkey back to the coldkey: on a dynamic chain it sells the subnet's alpha for TAO", netuid, amount, all, limitPrice, partial);
        command.SetAction(async (parse, cancellation) =>
        {
            var (hotkey, coldkey, id) = (signed.HotkeyAddress(parse), signed.ColdkeyAddress(parse), new NetUid(parse.GetValue(netuid)));
            var (limit, allowPartial) = Limit(parse, limitPrice, partial);
            using var client = signed.Client(parse);
            var pool = await SubnetPool.LoadAsync(client, id, cancellation);
            var value = await AmountOrAllAsync(parse, amount, all, () => StakedAsync(client, coldkey, hotkey, id, cancellation));
            RuntimeCall call = limit is { } price ? new RemoveStakeLimit(hotkey, id, value, price, allowPartial) : new RemoveStake(hotkey, id, value);
            RequireDynamic(pool, call);
            var order = new StakeOrder(pool, hotkey, value, limit, allowPartial);
            return await signed.SubmitAsync(parse, console, coldkey, () => signed.OpenColdkey(parse, console), call,
                $"Do you want to unstake {Output.Amount(value.Value, pool.Unit)} from hotkey {hotkey} in subnet {id} back to {coldkey}?",
                (state, _) => pool.Dynamic ? StakePreflight.Remove(state, order) : ClassicRemoveRefusal(state, hotkey, id, value),
                cancellation, ExtrinsicOutcome.StakeRemoved, pool.Dynamic ? state => StakeQuotes.Remove(state, order) : null);
        });
        return command;
    }

    /// <summary>--amount, or with --all the coldkey's stake on chain (which the chain caps to anyway); one of the two.</summary>
    public static async Task<Rao> AmountOrAllAsync(ParseResult parse, Option<string?> amount, Option<bool> all, Func<Task<Rao>> staked) =>
        (parse.GetValue(amount), parse.GetValue(all)) switch
        {
            ({ } text, false) => Rao.ParseTao(text),
            (null, true) => await staked(),
            (null, false) => throw new CliError("Usage: give --amount, or --all for the whole stake.", 2),
            _ => throw new CliError("Usage: give --amount or --all, not both.", 2),
        };

    public static async Task<Rao> StakedAsync(ApiClient.NodeClient client, AccountId coldkey, AccountId hotkey, NetUid netuid, CancellationToken cancellation) =>
        new((await client.AccountAsync(coldkey.Address, cancellation)).Stakes
            .Where(s => s.Hotkey == hotkey.Address && s.Netuid == netuid.Value).Aggregate(0UL, (sum, s) => checked(sum + s.Amount)));

    /// <summary>The calls that move stake through pools exist on a dynamic chain only.</summary>
    public static void RequireDynamic(SubnetPool pool, RuntimeCall call)
    {
        if (!pool.Dynamic && call is not (AddStake or RemoveStake))
        {
            throw new CliError(SubtensorErrors.NeedsDynamicTao(call.Info.Name).ToString());
        }
    }

    /// <summary>--limit-price in TAO per alpha as the calls take it (rao per alpha), and --partial, which needs it.</summary>
    private static (ulong? Limit, bool Partial) Limit(ParseResult parse, Option<string?> limitPrice, Option<bool> partial)
    {
        var limit = parse.GetValue(limitPrice) is { } text ? Rao.ParseTao(text).Value : (ulong?)null;
        return parse.GetValue(partial) && limit is null ? throw new CliError("Usage: --partial needs --limit-price.", 2) : (limit, parse.GetValue(partial));
    }

    /// <summary>A classic chain's add_stake checks (AmountTooLow, NotEnoughBalanceToStake), the fee paid first.</summary>
    private static string? ClassicAddRefusal(SignerState state, Rao value, Rao fee)
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

    /// <summary>A classic chain's remove_stake checks (AmountTooLow for 0, NotEnoughStakeToWithdraw).</summary>
    private static string? ClassicRemoveRefusal(SignerState state, AccountId hotkey, NetUid netuid, Rao value)
    {
        if (value == Rao.Zero)
        {
            return SubtensorErrors.AmountTooLow(value, new Rao(1)).ToString();
        }
        var staked = state.StakeAfterPending(hotkey, netuid);
        return value > staked ? $"{SubtensorErrors.NotEnoughStakeToWithdraw(value, staked)}{Preflight.AfterPending(state)}" : null;
    }
}

/// <summary>One add or remove of stake on a subnet: the pool, the hotkey, the amount (TAO to add, stake to remove) and the limit price if any.</summary>
public sealed record StakeOrder(SubnetPool Pool, AccountId Hotkey, Rao Amount, ulong? Limit, bool Partial);
