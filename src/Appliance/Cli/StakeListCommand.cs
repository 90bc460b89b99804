using System.CommandLine;
using Appliance.ApiClient;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance stake list [--name N | --all]</c>: what each wallet's coldkey has staked, per hotkey and subnet,
/// naming the hotkey when it is one of the wallet's own (btcli's <c>stake list</c>). A hotkey of someone else's
/// that the coldkey nominates shows as "-". On a dynamic chain a subnet's stake is its alpha: each row shows the
/// alpha, the pool's price and the TAO value, and the total is the TAO value.
/// </summary>
public static class StakeListCommand
{
    private const string Hint = "No stake yet: add some with 'appliance stake add'.";

    public static Command Create(CliConsole console)
    {
        var (wallets, node, json) = (new WalletSelection(), NodeOption.Create(), Output.JsonOption());
        var command = new Command("list", "The wallets' stakes per hotkey and subnet") { node, json };
        wallets.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            using var client = new NodeClient(parse.GetValue(node)!);
            var prices = await StakePrices.LoadAsync(client, cancellation);
            var stakes = new List<StakeRow>();
            foreach (var wallet in wallets.Wallets(parse))
            {
                var account = await client.AccountAsync(wallet.ColdkeyAddress, cancellation);
                stakes.AddRange(account.Stakes
                    .Select(s => new StakeRow(wallet.Name, wallet.ColdkeyAddress, wallet.Hotkeys.FirstOrDefault(h => h.Address == s.Hotkey)?.Name, s.Hotkey, s.Netuid,
                        s.Amount, prices.UnitOf(s.Netuid) == Output.Alpha ? "alpha" : "tao", prices.PriceOf(s.Netuid), prices.ValueOf(s.Netuid, s.Amount)))
                    .OrderBy(s => s.HotkeyName is null).ThenBy(s => s.HotkeyName).ThenBy(s => s.Hotkey).ThenBy(s => s.Netuid));
            }
            var total = Output.Sum(stakes, s => s.Value);
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, new { stakes, total });
                return 0;
            }
            Output.WriteTable(console, prices.Dynamic ? DynamicTable(stakes, total) : ClassicTable(stakes, total));
            return 0;
        });
        return command;
    }

    private static CliTable ClassicTable(IReadOnlyList<StakeRow> stakes, ulong total)
    {
        var table = new CliTable(
            new CliColumn("WALLET"), new CliColumn("HOTKEY"), CliColumn.Number("NETUID"), CliColumn.Number($"STAKE ({Output.Tau})"), CliColumn.Addresses("HOTKEY ADDRESS"))
        {
            Title = "Stakes",
            Caption = stakes.Count == 0 ? Hint : null,
        };
        table.AddRange(stakes.Select(s => (IReadOnlyList<string>)[s.Wallet, s.HotkeyName ?? "-", s.Netuid.ToString(), Output.Tao(s.Amount), s.Hotkey]));
        return table.WithTotal("Total", "", "", Output.Tao(total), "");
    }

    /// <summary>btcli's dynamic stake list: the stake in its unit (α, τ on root), the price and the value in τ.</summary>
    private static CliTable DynamicTable(IReadOnlyList<StakeRow> stakes, ulong total)
    {
        var table = new CliTable(
            new CliColumn("WALLET"), new CliColumn("HOTKEY"), CliColumn.Number("NETUID"), CliColumn.Number("STAKE"), CliColumn.Number($"PRICE ({Output.PerAlpha})"),
            CliColumn.Number($"VALUE ({Output.Tau})"), CliColumn.Addresses("HOTKEY ADDRESS"))
        {
            Title = "Stakes",
            Caption = stakes.Count == 0 ? Hint : $"A subnet's stake is its alpha ({Output.Alpha}); VALUE is what it is worth at the pool's price, root stake is {Output.Tau}.",
        };
        table.AddRange(stakes.Select(s => (IReadOnlyList<string>)
        [
            s.Wallet, s.HotkeyName ?? "-", s.Netuid.ToString(), Output.Amount(s.Amount, s.Unit == "alpha" ? Output.Alpha : Output.Tau), Output.Tao(s.Price),
            Output.Tao(s.Value), s.Hotkey,
        ]));
        return table.WithTotal("Total", "", "", "", "", Output.Tao(total), "");
    }

    /// <param name="Amount">The stake in rao of its unit: alpha on a dynamic chain's subnet, TAO on root and on a classic chain.</param>
    /// <param name="Price">Rao of TAO per unit of the stake.</param>
    /// <param name="Value">The stake's worth in rao of TAO.</param>
    private sealed record StakeRow(string Wallet, string Coldkey, string? HotkeyName, string Hotkey, ushort Netuid, ulong Amount, string Unit, ulong Price, ulong Value);
}
