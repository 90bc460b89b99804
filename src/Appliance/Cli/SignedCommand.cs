using System.CommandLine;
using Appliance.ApiClient;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>
/// The options every signing command shares (--wallet, --hotkey, --wallets-dir, --password-env, --node,
/// --no-prompt, --wait, --json) and the check-confirm-submit step, so each command states only its own arguments.
/// </summary>
public sealed class SignedCommand
{
    public Option<string> WalletsDir { get; } = WalletCommands.WalletsDirOption();
    public Option<string> Wallet { get; } = WalletCommands.NameOption();
    public Option<string> Hotkey { get; } = new("--hotkey") { Description = "The wallet's hotkey name", DefaultValueFactory = _ => WalletStore.DefaultHotkey };
    public Option<string?> PasswordEnv { get; } = PasswordSource.CreateOption();
    public Option<string> Node { get; } = NodeOption.Create();
    public Option<bool> NoPrompt { get; } = Confirmation.NoPromptOption();
    public Option<bool> Wait { get; } = TransferCommand.WaitOption();
    public Option<bool> Json { get; } = Output.JsonOption();

    public Command Create(string name, string description, params Option[] own)
    {
        var command = new Command(name, description);
        foreach (var option in own.Concat([Wallet, Hotkey, WalletsDir, PasswordEnv, Node, NoPrompt, Wait, Json]))
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

    /// <summary>The coldkey's address from coldkeypub.txt: known without the password, so checks can run before it is asked.</summary>
    public AccountId ColdkeyAddress(ParseResult parse) =>
        AccountId.Parse(new WalletStore(parse.GetValue(WalletsDir)!).Show(parse.GetValue(Wallet)!).ColdkeyAddress);

    public Ed25519KeyPair OpenHotkey(ParseResult parse) =>
        new WalletStore(parse.GetValue(WalletsDir)!).OpenHotkey(parse.GetValue(Wallet)!, parse.GetValue(Hotkey)!);

    /// <summary>The hotkey's address: --hotkey as an SS58 address (someone else's hotkey), or the wallet's hotkey of that name.</summary>
    public AccountId HotkeyAddress(ParseResult parse) => HotkeyAddress(parse, parse.GetValue(Hotkey)!);

    /// <summary>Another hotkey given by name (the wallet's) or SS58 address, as --dest-hotkey is.</summary>
    public AccountId HotkeyAddress(ParseResult parse, string hotkey) => new WalletStore(parse.GetValue(WalletsDir)!).HotkeyAccount(parse.GetValue(Wallet)!, hotkey);

    public NodeClient Client(ParseResult parse) => new(parse.GetValue(Node)!);

    public SubmitOptions Options(ParseResult parse) => new(parse.GetValue(NoPrompt), parse.GetValue(Wait), parse.GetValue(Json));

    /// <summary>Checks the call against the signer's state, asks to confirm, and only then opens the key, signs and submits.</summary>
    public async Task<int> SubmitAsync(
        ParseResult parse, CliConsole console, AccountId signer, Func<Ed25519KeyPair> openKey, RuntimeCall call, string question,
        Preflight.Check? check, CancellationToken cancellation, ExtrinsicOutcome? outcome = null, Preflight.Quote? quote = null)
    {
        using var client = Client(parse);
        return await Preflight.SubmitAsync(console, client, signer, openKey, call, Rao.Zero, question, check, Options(parse), cancellation, outcome, quote);
    }

    /// <summary>For a key already open: the fee is still checked and the call confirmed before it is signed.</summary>
    public Task<int> SubmitAsync(ParseResult parse, CliConsole console, Ed25519KeyPair key, RuntimeCall call, CancellationToken cancellation) =>
        SubmitAsync(parse, console, new AccountId(key.PublicKey), () => key, call, $"Do you want to submit {call.Info.Module}.{call.Info.Name}?", null, cancellation);
}
