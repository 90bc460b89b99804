using System.CommandLine;
using Appliance.ApiClient;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance stake list [--name N | --all]</c>: what each wallet's coldkey has staked, per hotkey and subnet,
/// naming the hotkey when it is one of the wallet's own (btcli's <c>stake list</c>). A hotkey of someone else's
/// that the coldkey nominates shows as "-".
/// </summary>
public static class StakeListCommand
{
    public static Command Create(CliConsole console)
    {
        var (wallets, node, json) = (new WalletSelection(), NodeOption.Create(), Output.JsonOption());
        var command = new Command("list", "The wallets' stakes per hotkey and subnet") { node, json };
        wallets.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            using var client = new NodeClient(parse.GetValue(node)!);
            var stakes = new List<StakeRow>();
            foreach (var wallet in wallets.Wallets(parse))
            {
                var account = await client.AccountAsync(wallet.ColdkeyAddress, cancellation);
                stakes.AddRange(account.Stakes
                    .Select(s => new StakeRow(wallet.Name, wallet.ColdkeyAddress, wallet.Hotkeys.FirstOrDefault(h => h.Address == s.Hotkey)?.Name, s.Hotkey, s.Netuid, s.Amount))
                    .OrderBy(s => s.HotkeyName is null).ThenBy(s => s.HotkeyName).ThenBy(s => s.Hotkey).ThenBy(s => s.Netuid));
            }
            var total = Output.Sum(stakes, s => s.Amount);
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, new { stakes, total });
                return 0;
            }
            var table = new CliTable(
                new CliColumn("WALLET"), new CliColumn("HOTKEY"), CliColumn.Number("NETUID"), CliColumn.Number($"STAKE ({Output.Tau})"), CliColumn.Addresses("HOTKEY ADDRESS"))
            {
                Title = "Stakes",
                Caption = stakes.Count == 0 ? "No stake yet: add some with 'appliance stake add'." : null,
            };
            table.AddRange(stakes.Select(s => (IReadOnlyList<string>)[s.Wallet, s.HotkeyName ?? "-", s.Netuid.ToString(), Output.Tao(s.Amount), s.Hotkey]));
            Output.WriteTable(console, table.WithTotal("Total", "", "", Output.Tao(total), ""));
            return 0;
        });
        return command;
    }

    private sealed record StakeRow(string Wallet, string Coldkey, string? HotkeyName, string Hotkey, ushort Netuid, ulong Amount);
}
