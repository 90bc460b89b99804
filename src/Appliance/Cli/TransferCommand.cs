using System.CommandLine;
using Appliance.ApiClient;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance transfer</c>: signs a balance transfer with the wallet's coldkey and submits it. A zero amount,
/// a transfer to oneself (both would only burn the fee) and one the balance cannot cover are refused first.
/// </summary>
public static class TransferCommand
{
    public static Command Create(CliConsole console)
    {
        var (dir, wallet, password, node, json) = (WalletCommands.WalletsDirOption(), WalletCommands.NameOption(), PasswordSource.CreateOption(), NodeOption.Create(), Output.JsonOption());
        var to = new Option<string>("--to", "--dest") { Description = "SS58 address of the recipient", Required = true };
        var amount = new Option<string>("--amount") { Description = "Amount in TAO, e.g. 1.5", Required = true };
        var tip = new Option<string>("--tip") { Description = "Tip in TAO; higher tips go first", DefaultValueFactory = _ => "0" };
        var keepAlive = new Option<bool>("--keep-alive") { Description = "Refuse if the transfer would reap the sender (transfer_keep_alive)" };
        var (noPrompt, wait) = (Confirmation.NoPromptOption(), WaitOption());
        var command = new Command("transfer", "Transfer TAO from a wallet's coldkey") { dir, wallet, to, amount, tip, keepAlive, password, node, noPrompt, wait, json };
        command.SetAction(async (parse, cancellation) =>
        {
            var dest = AccountId.Parse(parse.GetValue(to)!);
            var value = Rao.ParseTao(parse.GetValue(amount)!);
            var tipValue = Rao.ParseTao(parse.GetValue(tip)!);
            RuntimeCall call = parse.GetValue(keepAlive) ? new TransferKeepAlive(dest, value) : new TransferAllowDeath(dest, value);
            var (store, walletName) = (new WalletStore(parse.GetValue(dir)!), parse.GetValue(wallet)!);
            var signer = AccountId.Parse(store.Show(walletName).ColdkeyAddress);
            if (Refusal(signer, dest, value) is { } refused)
            {
                throw new CliError(refused);
            }
            using var client = new NodeClient(parse.GetValue(node)!);
            return await Preflight.SubmitAsync(console, client, signer, () => store.OpenColdkey(walletName, PasswordSource.Read(parse, password, console, walletName)),
                call, tipValue, $"Do you want to transfer {value} from {signer} to {dest}?", (state, fee) => Uncovered(state, value, fee, tipValue),
                new SubmitOptions(parse.GetValue(noPrompt), parse.GetValue(wait), parse.GetValue(json)), cancellation);
        });
        return command;
    }

    public static Option<bool> WaitOption() => new("--wait") { Description = "Wait until the extrinsic is in a block and print its result" };

    /// <summary>Transfers the chain accepts but that only burn the fee.</summary>
    private static string? Refusal(AccountId signer, AccountId dest, Rao value) =>
        value == Rao.Zero ? "ZeroAmount: a transfer of 0 TAO moves nothing and still pays the fee."
        : dest == signer ? $"TransferToSelf: {dest} is the sending coldkey; the transfer would move nothing and still pay the fee."
        : null;

    /// <summary>Balances' InsufficientBalance, judged once the fee and tip are paid, as the chain charges them first.</summary>
    private static string? Uncovered(SignerState state, Rao value, Rao fee, Rao tip)
    {
        var free = state.FreeAfterPending();
        return (decimal)value.Value + fee.Value + tip.Value > free.Value
            ? $"InsufficientBalance: the transfer of {value} plus the fee {fee} and tip {tip} exceeds the free balance {free}.{Preflight.AfterPending(state)}"
            : null;
    }
}
