using System.CommandLine;
using Appliance.ApiClient;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>
/// The options every signing command shares (--wallet, --hotkey, --wallets-dir, --password-env, --node,
/// --wait, --json) and the submit-and-report step, so each command states only its own arguments.
/// </summary>
public sealed class SignedCommand
{
    public Option<string> WalletsDir { get; } = WalletCommands.WalletsDirOption();
    public Option<string> Wallet { get; } = WalletCommands.NameOption();
    public Option<string> Hotkey { get; } = new("--hotkey") { Description = "The wallet's hotkey name", DefaultValueFactory = _ => WalletStore.DefaultHotkey };
    public Option<string?> PasswordEnv { get; } = PasswordSource.CreateOption();
    public Option<string> Node { get; } = NodeOption.Create();
    public Option<bool> Wait { get; } = TransferCommand.WaitOption();
    public Option<bool> Json { get; } = Output.JsonOption();

    public Command Create(string name, string description, params Option[] own)
    {
        var command = new Command(name, description);
        foreach (var option in own.Concat([Wallet, Hotkey, WalletsDir, PasswordEnv, Node, Wait, Json]))
        {
            command.Options.Add(option);
        }
        return command;
    }

    public Ed25519KeyPair OpenColdkey(ParseResult parse, CliConsole console)
    {
        var name = parse.GetValue(Wallet)!;
        return new WalletStore(parse.GetValue(WalletsDir)!).OpenColdkey(name, PasswordSource.Read(parse, PasswordEnv, console, name));
    }

    public Ed25519KeyPair OpenHotkey(ParseResult parse) =>
        new WalletStore(parse.GetValue(WalletsDir)!).OpenHotkey(parse.GetValue(Wallet)!, parse.GetValue(Hotkey)!);

    /// <summary>The hotkey's address: --hotkey as an SS58 address (someone else's hotkey), or the wallet's hotkey of that name.</summary>
    public AccountId HotkeyAddress(ParseResult parse) =>
        new WalletStore(parse.GetValue(WalletsDir)!).HotkeyAccount(parse.GetValue(Wallet)!, parse.GetValue(Hotkey)!);

    public NodeClient Client(ParseResult parse) => new(parse.GetValue(Node)!);

    public async Task<int> SubmitAsync(ParseResult parse, CliConsole console, Ed25519KeyPair key, RuntimeCall call, CancellationToken cancellation)
    {
        using var client = Client(parse);
        var status = await Submission.SubmitAsync(client, key, call, Rao.Zero, parse.GetValue(Wait), cancellation);
        return SubmissionReport.Write(console, parse.GetValue(Json), status);
    }
}
