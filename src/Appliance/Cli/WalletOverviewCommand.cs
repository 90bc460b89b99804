using System.CommandLine;
using Appliance.ApiClient;
using Appliance.Contracts;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance wallet overview --name N</c>: each of the wallet's hotkeys in every subnet where it holds a
/// uid, with btcli's <c>wallet overview</c> columns, and the coldkey's free balance and stake in the caption. On a
/// dynamic chain a neuron's stake and emission are its subnet's alpha, and the coldkey's stake is valued in TAO
/// at the pools' prices.
/// </summary>
public static class WalletOverviewCommand
{
    public static Command Create(CliConsole console)
    {
        var (dir, name, node, json) = (WalletCommands.WalletsDirOption(), WalletCommands.NameOption(), NodeOption.Create(), Output.JsonOption());
        var command = new Command("overview", "The wallet's hotkeys in every subnet: uid, stake, trust, incentive, dividends, emission, axon") { dir, name, node, json };
        command.SetAction(async (parse, cancellation) =>
        {
            var wallet = new WalletStore(parse.GetValue(dir)!).Show(parse.GetValue(name)!);
            using var client = new NodeClient(parse.GetValue(node)!);
            var head = await client.HeadAsync(cancellation);
            var prices = await StakePrices.LoadAsync(client, cancellation);
            var account = await client.AccountAsync(wallet.ColdkeyAddress, cancellation);
            var hotkeys = new List<HotkeyOverview>();
            foreach (var hotkey in wallet.Hotkeys)
            {
                hotkeys.Add(new HotkeyOverview(hotkey.Name, hotkey.Address, await client.HotkeyNeuronsAsync(hotkey.Address, cancellation)));
            }
            var staked = Output.Sum(account.Stakes, s => prices.ValueOf(s.Netuid, s.Amount));
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, new { wallet = wallet.Name, coldkey = wallet.ColdkeyAddress, free = account.Free, staked, block = head.Number, hotkeys });
                return 0;
            }
            Output.WriteTable(console, Table(wallet, head.Number, account.Free, staked, hotkeys, prices.Dynamic ? Output.Alpha : Output.Tau));
            return 0;
        });
        return command;
    }

    /// <summary>One row per (hotkey, subnet); UPDATED counts blocks since the uid last set weights, as btcli's; stake and emission in the subnets' <paramref name="unit"/>.</summary>
    private static CliTable Table(WalletInfo wallet, ulong block, ulong free, ulong staked, IReadOnlyList<HotkeyOverview> hotkeys, string unit)
    {
        var unregistered = hotkeys.Where(h => h.Neurons.Count == 0).Select(h => h.Name).ToList();
        var table = new CliTable(
            new CliColumn("HOTKEY"), CliColumn.Number("NETUID"), CliColumn.Number("UID"), new CliColumn("ACTIVE"), CliColumn.Number($"STAKE ({unit})"),
            CliColumn.Number("RANK"), CliColumn.Number("TRUST"), CliColumn.Number("CONSENSUS"), CliColumn.Number("INCENTIVE"), CliColumn.Number("DIVIDENDS"),
            CliColumn.Number($"EMISSION ({unit})"), CliColumn.Number("VTRUST"), new CliColumn("VAL"), CliColumn.Number("UPDATED"), new CliColumn("AXON"),
            CliColumn.Addresses("HOTKEY ADDRESS"))
        {
            Title = $"Wallet {wallet.Name} at block #{block}",
            Caption = $"Coldkey {wallet.ColdkeyAddress}: free {Output.Tao(free)} {Output.Tau}, staked {Output.Tao(staked)} {Output.Tau}{(unit == Output.Alpha ? " (alpha at the pools' prices)" : "")}."
                + (unregistered.Count > 0 ? $" Not registered in any subnet: {string.Join(", ", unregistered)}." : ""),
        };
        var rows = hotkeys.SelectMany(h => h.Neurons.Select(r => (Hotkey: h, r.Netuid, N: r.Neuron))).ToList();
        table.AddRange(rows.Select(r => (IReadOnlyList<string>)
        [
            r.Hotkey.Name, r.Netuid.ToString(), r.N.Uid.ToString(), r.N.Active ? "*" : "", Output.Tao(r.N.Stake), Output.Ratio(r.N.Rank),
            Output.Ratio(r.N.Trust), Output.Ratio(r.N.Consensus), Output.Ratio(r.N.Incentive), Output.Ratio(r.N.Dividends), Output.Tao(r.N.Emission),
            Output.Ratio(r.N.ValidatorTrust), r.N.ValidatorPermit ? "*" : "", (block - Math.Min(block, r.N.LastUpdate)).ToString(),
            r.N.Axon is null ? "" : $"{r.N.Axon.Ip}:{r.N.Axon.Port}", r.Hotkey.Address,
        ]));
        return table.WithTotal(
            "Total", "", "", "", Output.Tao(Output.Sum(rows, r => r.N.Stake)), "", "", "", "", "", Output.Tao(Output.Sum(rows, r => r.N.Emission)),
            "", "", "", "", "");
    }

    private sealed record HotkeyOverview(string Name, string Address, IReadOnlyList<HotkeyNeuronView> Neurons);
}
