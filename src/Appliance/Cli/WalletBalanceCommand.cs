using System.CommandLine;
using Appliance.ApiClient;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance wallet balance [--name N | --all]</c>: each coldkey's free balance, its stake on every hotkey
/// and subnet, and their sum, with a total row, as btcli's <c>wallet balance</c>. On a dynamic chain stake on a
/// subnet is alpha, counted at its TAO value at the pool's price.
/// </summary>
public static class WalletBalanceCommand
{
    public static Command Create(CliConsole console)
    {
        var (wallets, node, json) = (new WalletSelection(), NodeOption.Create(), Output.JsonOption());
        var command = new Command("balance", "Free, staked and total TAO of the wallets' coldkeys") { node, json };
        wallets.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            using var client = new NodeClient(parse.GetValue(node)!);
            var prices = await StakePrices.LoadAsync(client, cancellation);
            var balances = new List<WalletBalance>();
            foreach (var wallet in wallets.Wallets(parse))
            {
                var account = await client.AccountAsync(wallet.ColdkeyAddress, cancellation);
                var staked = Output.Sum(account.Stakes, s => prices.ValueOf(s.Netuid, s.Amount));
                balances.Add(new WalletBalance(wallet.Name, wallet.ColdkeyAddress, account.Free, staked, checked(account.Free + staked)));
            }
            var totals = new BalanceTotals(Output.Sum(balances, b => b.Free), Output.Sum(balances, b => b.Staked), Output.Sum(balances, b => b.Total));
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, new { balances, totals });
                return 0;
            }
            var table = new CliTable(
                new CliColumn("WALLET"), CliColumn.Addresses("COLDKEY"),
                CliColumn.Number($"FREE ({Output.Tau})"), CliColumn.Number($"STAKED ({Output.Tau})"), CliColumn.Number($"TOTAL ({Output.Tau})"))
            {
                Title = "Wallet balances",
                Caption = prices.Dynamic ? $"STAKED is the stake's value: alpha ({Output.Alpha}) at each subnet pool's price, root stake as it is." : null,
            };
            table.AddRange(balances.Select(b => (IReadOnlyList<string>)[b.Name, b.Coldkey, Output.Tao(b.Free), Output.Tao(b.Staked), Output.Tao(b.Total)]));
            Output.WriteTable(console, table.WithTotal("Total", "", Output.Tao(totals.Free), Output.Tao(totals.Staked), Output.Tao(totals.Total)));
            return 0;
        });
        return command;
    }

    private sealed record WalletBalance(string Name, string Coldkey, ulong Free, ulong Staked, ulong Total);

    private sealed record BalanceTotals(ulong Free, ulong Staked, ulong Total);
}
