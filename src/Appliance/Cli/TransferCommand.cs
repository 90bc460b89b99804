using System.CommandLine;
using Appliance.ApiClient;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary><c>appliance transfer</c>: signs a balance transfer with the wallet's coldkey and submits it.</summary>
public static class TransferCommand
{
    public static Command Create(CliConsole console)
    {
        var (dir, wallet, password, node, json) = (WalletCommands.WalletsDirOption(), WalletCommands.NameOption(), PasswordSource.CreateOption(), NodeOption.Create(), Output.JsonOption());
        var to = new Option<string>("--to", "--dest") { Description = "SS58 address of the recipient", Required = true };
        var amount = new Option<string>("--amount") { Description = "Amount in TAO, e.g. 1.5", Required = true };
        var tip = new Option<string>("--tip") { Description = "Tip in TAO; higher tips go first", DefaultValueFactory = _ => "0" };
        var keepAlive = new Option<bool>("--keep-alive") { Description = "Refuse if the transfer would reap the sender (transfer_keep_alive)" };
        var wait = WaitOption();
        var command = new Command("transfer", "Transfer TAO from a wallet's coldkey") { dir, wallet, to, amount, tip, keepAlive, password, node, wait, json };
        command.SetAction(async (parse, cancellation) =>
        {
            var dest = AccountId.Parse(parse.GetValue(to)!);
            var value = Rao.ParseTao(parse.GetValue(amount)!);
            RuntimeCallFactory call = parse.GetValue(keepAlive) ? () => new TransferKeepAlive(dest, value) : () => new TransferAllowDeath(dest, value);
            var walletName = parse.GetValue(wallet)!;
            using var key = new WalletStore(parse.GetValue(dir)!).OpenColdkey(walletName, PasswordSource.Read(parse, password, console, walletName));
            using var client = new NodeClient(parse.GetValue(node)!);
            var status = await Submission.SubmitAsync(client, key, call(), Rao.ParseTao(parse.GetValue(tip)!), parse.GetValue(wait), cancellation);
            return SubmissionReport.Write(console, parse.GetValue(json), status);
        });
        return command;
    }

    public static Option<bool> WaitOption() => new("--wait") { Description = "Wait until the extrinsic is in a block and print its result" };

    private delegate Runtime.RuntimeCall RuntimeCallFactory();
}
