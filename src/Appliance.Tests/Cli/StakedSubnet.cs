using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// A node with subnet 1 built through the CLI: wallet "owner" (//Alice) created it with hotkey "default" (uid 0),
/// registered hotkey "miner" (uid 1), staked 1 TAO on default and 12.5 TAO on miner; hotkey "spare" is
/// registered nowhere; wallet "empty" holds nothing. The tempo is set to its maximum so that no epoch moves
/// stake while the tests read it.
/// </summary>
public sealed class StakedSubnet : IAsyncLifetime
{
    public const string Alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";

    private readonly TempDirectory _wallets = new();

    public StakedSubnet()
    {
        Cli = new CliRunner(_wallets.Path);
    }

    public CliRunner Cli { get; }

    public string WalletsDir => _wallets.Path;

    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await TestNode.StartAsync();
        string[] signed = ["--wallet", "owner", "--node", Node.Url, "--wallets-dir", _wallets.Path, "--password-env", "PW", "--wait"];
        await Run("wallet", "regen", "--name", "owner", "--uri", "//Alice", "--password-env", "PW");
        foreach (var hotkey in new[] { "default", "miner", "spare" })
        {
            await Run("wallet", "new-hotkey", "--name", "owner", "--hotkey", hotkey);
        }
        await Run("wallet", "create", "--name", "empty", "--password-env", "PW");
        await Run(["subnet", "create", .. signed]);
        await Run(["subnet", "hyperparameters", "--netuid", "1", "--set", "tempo=50400", .. signed]);
        await Run(["register", "--netuid", "1", "--hotkey", "miner", .. signed]);
        await Run(["stake", "add", "--netuid", "1", "--hotkey", "default", "--amount", "1", .. signed]);
        await Run(["stake", "add", "--netuid", "1", "--hotkey", "miner", "--amount", "12.5", .. signed]);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        _wallets.Dispose();
    }

    /// <summary>The address of one of owner's hotkeys.</summary>
    public async Task<string> HotkeyAsync(string name)
    {
        var shown = await Cli.RunAsync("wallet", "show", "--name", "owner", "--json");
        return shown.Json.GetProperty("hotkeys").EnumerateArray().Single(h => h.GetProperty("name").GetString() == name).GetProperty("address").GetString()!;
    }

    private async Task Run(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"appliance {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}{result.Output}");
        }
    }
}
