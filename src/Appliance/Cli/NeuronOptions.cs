using System.CommandLine;
using Appliance.Crypto;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>
/// What <c>appliance miner</c> and <c>appliance validator</c> both take: the wallet and hotkey that sign, the
/// subnet and the node; and the console log both write until Ctrl-C.
/// </summary>
internal sealed class NeuronOptions
{
    public Option<string> Wallet { get; } = WalletCommands.NameOption();

    public Option<string> Hotkey { get; } =
        new("--hotkey") { Description = "The wallet's hotkey name", DefaultValueFactory = _ => WalletStore.DefaultHotkey };

    public Option<string> WalletsDir { get; } = WalletCommands.WalletsDirOption();

    public Option<ushort> Netuid { get; } = SubnetCommands.NetuidOption();

    public Option<string> Node { get; } = NodeOption.Create();

    /// <summary>A command holding these options first, then <paramref name="more"/>.</summary>
    public Command Command(string name, string description, params Option[] more)
    {
        var command = new Command(name, description) { Wallet, Hotkey, WalletsDir, Netuid, Node };
        foreach (var option in more)
        {
            command.Options.Add(option);
        }
        return command;
    }

    public Ed25519KeyPair OpenHotkey(ParseResult parse) =>
        new WalletStore(parse.GetValue(WalletsDir)!).OpenHotkey(parse.GetValue(Wallet)!, parse.GetValue(Hotkey)!);

    public static ILoggerFactory ConsoleLoggers() => LoggerFactory.Create(b => b
        .AddFilter("llama.cpp", LogLevel.Warning)
        .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }));
}
