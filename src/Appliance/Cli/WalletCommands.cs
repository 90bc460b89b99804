using System.CommandLine;
using System.Text;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary><c>appliance wallet …</c>: btcli's wallet commands over our Ed25519 wallets.</summary>
public static class WalletCommands
{
    public static Option<string> WalletsDirOption() => new("--wallets-dir")
    {
        Description = "Folder that holds the wallets (default $APPLIANCE_WALLETS_DIR or ~/.appliance/wallets, the folder up and its UI use too)",
        HelpName = "DIR",
        DefaultValueFactory = _ => WalletStore.DefaultRoot,
    };

    public static Option<string> NameOption() => new("--name", "--wallet") { Description = "Wallet name", Required = true };

    public static Command Create(CliConsole console)
    {
        var wallet = new Command("wallet", "Create, show and use wallets (coldkey + hotkeys)");
        wallet.Subcommands.Add(CreateCommand(console));
        wallet.Subcommands.Add(RegenCommand(console));
        wallet.Subcommands.Add(NewHotkeyCommand(console));
        wallet.Subcommands.Add(ListCommand(console));
        wallet.Subcommands.Add(ShowCommand(console));
        wallet.Subcommands.Add(WalletBalanceCommand.Create(console));
        wallet.Subcommands.Add(WalletOverviewCommand.Create(console));
        wallet.Subcommands.Add(SignCommand(console));
        wallet.Subcommands.Add(VerifyCommand(console));
        return wallet;
    }

    private static Command CreateCommand(CliConsole console)
    {
        var (dir, name, password, json) = (WalletsDirOption(), NameOption(), PasswordSource.CreateOption(), Output.JsonOption());
        var hotkey = new Option<string>("--hotkey") { Description = "Name of the first hotkey", DefaultValueFactory = _ => WalletStore.DefaultHotkey };
        var words = new Option<int>("--n-words") { Description = "Mnemonic length: 12, 15, 18, 21 or 24", DefaultValueFactory = _ => 12 };
        words.AcceptOnlyFromAmong("12", "15", "18", "21", "24");
        var command = new Command("create", "Create a wallet: a new coldkey (encrypted) and a hotkey; prints their mnemonics once") { dir, name, hotkey, words, password, json };
        command.SetAction(parse =>
        {
            var store = new WalletStore(parse.GetValue(dir)!);
            var walletName = parse.GetValue(name)!;
            var hotkeyName = parse.GetValue(hotkey)!;
            store.CheckNew(walletName, hotkeyName);
            var secret = PasswordSource.ReadNew(parse, password, console, walletName);
            var (info, coldPhrase, hotPhrase) = NewWallet.Create(store, walletName, hotkeyName, secret, parse.GetValue(words));
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, new { wallet = View(info), coldkey_mnemonic = coldPhrase, hotkey_mnemonic = hotPhrase });
                return 0;
            }
            console.Out.WriteLine($"Created wallet '{walletName}' in {info.Path}");
            console.Out.WriteLine("Write these mnemonics down; they are shown once and regenerate the keys:");
            console.Out.WriteLine($"  coldkey mnemonic: {coldPhrase}");
            console.Out.WriteLine($"  hotkey '{hotkeyName}' mnemonic: {hotPhrase}");
            WriteWallet(console, info);
            return 0;
        });
        return command;
    }

    private static Command RegenCommand(CliConsole console)
    {
        var (dir, name, password, json) = (WalletsDirOption(), NameOption(), PasswordSource.CreateOption(), Output.JsonOption());
        var mnemonic = new Option<string?>("--mnemonic") { Description = "The BIP39 mnemonic to regenerate from" };
        var uri = new Option<string?>("--uri") { Description = "A Substrate secret URI: PHRASE//path///password, or //Bob for the dev phrase" };
        var hotkey = new Option<string?>("--hotkey") { Description = "Regenerate this hotkey instead of the coldkey" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace an existing key of that name" };
        var command = new Command("regen", "Regenerate a coldkey (or a hotkey) from its mnemonic or secret URI") { dir, name, mnemonic, uri, hotkey, overwrite, password, json };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(mnemonic) is null) == (result.GetValue(uri) is null))
            {
                result.AddError("Give exactly one of --mnemonic or --uri.");
            }
            else if (result.GetValue(uri) is { } given && given.Trim('/').Length == 0)
            {
                result.AddError("--uri names no key: give a phrase or a path such as //Bob.");
            }
        });
        command.SetAction(parse =>
        {
            var store = new WalletStore(parse.GetValue(dir)!);
            var walletName = parse.GetValue(name)!;
            var phrase = parse.GetValue(mnemonic);
            var seed = phrase is not null ? Mnemonic.ToMiniSecret(phrase) : SecretUri.Parse(parse.GetValue(uri)!).DeriveSeed();
            using var key = Ed25519KeyPair.FromSeed(seed);
            var hotkeyName = parse.GetValue(hotkey);
            WalletInfo info;
            if (hotkeyName is not null)
            {
                info = store.WriteHotkey(walletName, hotkeyName, key, phrase, parse.GetValue(overwrite));
            }
            else
            {
                if (!parse.GetValue(overwrite) && store.Exists(walletName))
                {
                    throw new WalletException(WalletError.WalletExists, $"wallet '{walletName}' already has a coldkey; pass --overwrite to replace it.");
                }
                info = store.WriteColdkey(walletName, key, phrase, PasswordSource.ReadNew(parse, password, console, walletName), parse.GetValue(overwrite));
            }
            WriteResult(parse, json, console, info);
            return 0;
        });
        return command;
    }

    private static Command NewHotkeyCommand(CliConsole console)
    {
        var (dir, name, json) = (WalletsDirOption(), NameOption(), Output.JsonOption());
        var hotkey = new Option<string>("--hotkey") { Description = "Name of the new hotkey", Required = true };
        var command = new Command("new-hotkey", "Add a hotkey to a wallet; prints its mnemonic once") { dir, name, hotkey, json };
        command.SetAction(parse =>
        {
            var store = new WalletStore(parse.GetValue(dir)!);
            var phrase = Mnemonic.Generate();
            using var key = Ed25519KeyPair.FromSeed(Mnemonic.ToMiniSecret(phrase));
            var info = store.WriteHotkey(parse.GetValue(name)!, parse.GetValue(hotkey)!, key, phrase, overwrite: false);
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, new { wallet = View(info), hotkey_mnemonic = phrase });
                return 0;
            }
            console.Out.WriteLine($"hotkey '{parse.GetValue(hotkey)}' mnemonic (shown once): {phrase}");
            WriteWallet(console, info);
            return 0;
        });
        return command;
    }

    private static Command ListCommand(CliConsole console)
    {
        var (dir, json) = (WalletsDirOption(), Output.JsonOption());
        var command = new Command("list", "List the wallets with their coldkey and hotkey addresses") { dir, json };
        command.SetAction(parse =>
        {
            var wallets = new WalletStore(parse.GetValue(dir)!).List();
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, wallets.Select(View));
                return 0;
            }
            var rows = wallets.SelectMany(w => new[] { new[] { w.Name, "coldkey", w.ColdkeyAddress } }
                .Concat(w.Hotkeys.Select(h => new[] { "", $"hotkey {h.Name}", h.Address })));
            Output.WriteTable(console, ["WALLET", "KEY", "ADDRESS"], rows);
            return 0;
        });
        return command;
    }

    private static Command ShowCommand(CliConsole console)
    {
        var (dir, name, json) = (WalletsDirOption(), NameOption(), Output.JsonOption());
        var command = new Command("show", "Show a wallet's coldkey and hotkey addresses") { dir, name, json };
        command.SetAction(parse =>
        {
            WriteResult(parse, json, console, new WalletStore(parse.GetValue(dir)!).Show(parse.GetValue(name)!));
            return 0;
        });
        return command;
    }

    private static Command SignCommand(CliConsole console)
    {
        var (dir, name, password) = (WalletsDirOption(), NameOption(), PasswordSource.CreateOption());
        var message = new Option<string>("--message") { Description = "Text to sign (its UTF-8 bytes)", Required = true };
        var hotkey = new Option<string?>("--hotkey") { Description = "Sign with this hotkey instead of the coldkey" };
        var command = new Command("sign", "Sign a message; prints the 0x-hex Ed25519 signature") { dir, name, message, hotkey, password };
        command.SetAction(parse =>
        {
            var store = new WalletStore(parse.GetValue(dir)!);
            var walletName = parse.GetValue(name)!;
            var hotkeyName = parse.GetValue(hotkey);
            using var key = hotkeyName is not null
                ? store.OpenHotkey(walletName, hotkeyName)
                : store.OpenColdkey(walletName, PasswordSource.Read(parse, password, console, walletName));
            console.Out.WriteLine(Keyfile.Hex(key.Sign(Encoding.UTF8.GetBytes(parse.GetValue(message)!))));
            return 0;
        });
        return command;
    }

    private static Command VerifyCommand(CliConsole console)
    {
        var address = new Option<string>("--address") { Description = "SS58 address of the signer", Required = true };
        var message = new Option<string>("--message") { Description = "The signed text", Required = true };
        var signature = new Option<string>("--signature") { Description = "0x-hex Ed25519 signature", Required = true };
        var command = new Command("verify", "Verify a signature: exit 0 when valid, 1 when not") { address, message, signature };
        command.SetAction(parse =>
        {
            if (!Ss58.TryDecode(parse.GetValue(address)!, out var publicKey, out _, out var error))
            {
                throw new CliError(error!, exitCode: 2);
            }
            byte[] signatureBytes;
            try
            {
                signatureBytes = Keyfile.FromHex(parse.GetValue(signature)!);
            }
            catch (FormatException)
            {
                throw new CliError("InvalidSignature: --signature is not hex.", exitCode: 2);
            }
            if (signatureBytes.Length != Ed25519KeyPair.SignatureSize)
            {
                throw new CliError($"InvalidSignature: an Ed25519 signature is {Ed25519KeyPair.SignatureSize} bytes, got {signatureBytes.Length}.", exitCode: 2);
            }
            var valid = Ed25519KeyPair.Verify(publicKey, Encoding.UTF8.GetBytes(parse.GetValue(message)!), signatureBytes);
            console.Out.WriteLine(valid ? "valid" : "invalid");
            return valid ? 0 : 1;
        });
        return command;
    }

    private static object View(WalletInfo info) => new
    {
        name = info.Name,
        path = info.Path,
        coldkey = info.ColdkeyAddress,
        hotkeys = info.Hotkeys.Select(h => new { name = h.Name, address = h.Address }),
    };

    private static void WriteResult(ParseResult parse, Option<bool> json, CliConsole console, WalletInfo info)
    {
        if (parse.GetValue(json))
        {
            Output.WriteJson(console, View(info));
        }
        else
        {
            WriteWallet(console, info);
        }
    }

    private static void WriteWallet(CliConsole console, WalletInfo info)
    {
        console.Out.WriteLine($"wallet {info.Name} ({info.Path})");
        console.Out.WriteLine($"  coldkey          {info.ColdkeyAddress}");
        foreach (var hotkey in info.Hotkeys)
        {
            console.Out.WriteLine($"  hotkey {hotkey.Name,-10} {hotkey.Address}");
        }
    }
}
