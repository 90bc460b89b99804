using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// A node (dynamic TAO) with subnet 1 built through the CLI: wallet "owner" (//Alice) created it with hotkey
/// "default" (uid 0), registered hotkey "miner" (uid 1), started it, and staked 1 TAO on default and 12.5 TAO on
/// miner, which bought <see cref="DefaultAlpha"/> and <see cref="MinerAlpha"/> through the pool; hotkey "spare" is
/// registered nowhere; wallet "empty" holds nothing. The tempo is set to its maximum so that no epoch moves
/// stake, the burn is held at its initial 1 TAO by min_burn (the registration buys alpha for exactly that), and registration is closed
/// before the start, so the subnet never emits (a dynamic subnet emits only while it takes registrations): its
/// pool and price are exactly where the registration and the stakes left them, whenever the tests read them.
/// </summary>
public sealed class StakedSubnet : IAsyncLifetime
{
    public const string Alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";

    /// <summary>The alpha (rao) 1 TAO bought on hotkey default, then 12.5 TAO on miner, and the pool's price after (rao per alpha).</summary>
    public const ulong DefaultAlpha = 996_506_448, MinerAlpha = 12_290_655_879, Price = 1_029_195_435;

    /// <summary>Both stakes' worth in TAO (rao) at <see cref="Price"/>, each floored as the CLI values them.</summary>
    public static ulong DefaultValue => (ulong)((UInt128)DefaultAlpha * Price / 1_000_000_000);

    public static ulong MinerValue => (ulong)((UInt128)MinerAlpha * Price / 1_000_000_000);

    /// <summary>Rao as the CLI's tables print them: 9 decimals.</summary>
    public static string Tao(ulong rao) => (rao / 1e9m).ToString("0.000000000", System.Globalization.CultureInfo.InvariantCulture);

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
        await Run(["subnet", "hyperparameters", "--netuid", "1", "--set", "min_burn=1000000000", .. signed]);
        await Run(["register", "--netuid", "1", "--hotkey", "miner", .. signed]);
        await Run(["subnet", "hyperparameters", "--netuid", "1", "--set", "registration_allowed=0", .. signed]);
        await Run(["subnet", "start", "--netuid", "1", .. signed]);
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
