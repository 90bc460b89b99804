using System.CommandLine;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>
/// The wallets a read-only command reports on: <c>--name N</c> for one, <c>--all</c> (or neither) for every
/// wallet in the folder; btcli's <c>wallet balance</c> takes the same pair.
/// </summary>
public sealed class WalletSelection
{
    public Option<string> Dir { get; } = WalletCommands.WalletsDirOption();

    public Option<string?> Name { get; } = new("--name", "--wallet") { Description = "Only this wallet" };

    public Option<bool> All { get; } = new("--all") { Description = "Every wallet in the folder (the default without --name)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Name);
        command.Options.Add(All);
        command.Options.Add(Dir);
        command.Validators.Add(result =>
        {
            if (result.GetValue(Name) is not null && result.GetValue(All))
            {
                result.AddError("Give --name or --all, not both.");
            }
        });
    }

    public IReadOnlyList<WalletInfo> Wallets(ParseResult parse)
    {
        var store = new WalletStore(parse.GetValue(Dir)!);
        if (parse.GetValue(Name) is { } name)
        {
            return [store.Show(name)];
        }
        var wallets = store.List();
        return wallets.Count > 0
            ? wallets
            : throw new CliError($"NoWallets: there are no wallets in {store.Root}; create one with 'appliance wallet create --name NAME'.");
    }
}
