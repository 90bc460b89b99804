using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// //Alice's wallet "owner" (hotkeys "default" and "miner") with subnets made through the CLI on a dynamic node:
/// each created with default as its owner hotkey, miner registered, and (unless told not to) started. Frozen
/// subnets close registration before the start, so they never emit and their pools move only with the stake
/// the test moves: a quote made before signing is then exactly what the chain does.
/// </summary>
public sealed class OwnedSubnets(CliRunner cli, TestNode node, string walletsDir)
{
    /// <summary>The options every signing command of the owner takes: wallet, node, wallets folder, password, --wait.</summary>
    public string[] Signed => ["--wallet", "owner", "--node", node.Url, "--wallets-dir", walletsDir, "--password-env", "PW", "--wait"];

    public async Task CreateAsync(int count = 1, bool start = true, bool frozen = true)
    {
        await RunAsync("wallet", "regen", "--name", "owner", "--uri", "//Alice", "--password-env", "PW");
        await RunAsync("wallet", "new-hotkey", "--name", "owner", "--hotkey", "default");
        await RunAsync("wallet", "new-hotkey", "--name", "owner", "--hotkey", "miner");
        for (var netuid = 1; netuid <= count; netuid++)
        {
            await RunAsync(["subnet", "create", .. Signed]);
            await RunAsync(["register", "--netuid", $"{netuid}", "--hotkey", "miner", .. Signed]);
            if (frozen)
            {
                await RunAsync(["subnet", "hyperparameters", "--netuid", $"{netuid}", "--set", "registration_allowed=0", .. Signed]);
            }
            if (start)
            {
                await RunAsync(["subnet", "start", "--netuid", $"{netuid}", .. Signed]);
            }
        }
    }

    /// <summary>The address of one of owner's hotkeys.</summary>
    public async Task<string> HotkeyAsync(string name)
    {
        var shown = await cli.RunAsync("wallet", "show", "--name", "owner", "--json");
        return shown.Json.GetProperty("hotkeys").EnumerateArray().Single(h => h.GetProperty("name").GetString() == name).GetProperty("address").GetString()!;
    }

    /// <summary>The coldkey's stake on the hotkey in the subnet, from the API (0 when it has none).</summary>
    public async Task<ulong> StakeAsync(string coldkey, string hotkey, int netuid) =>
        (await node.GetJsonAsync($"/api/accounts/{coldkey}")).GetProperty("stakes").EnumerateArray()
            .Where(s => s.GetProperty("hotkey").GetString() == hotkey && s.GetProperty("netuid").GetInt32() == netuid)
            .Select(s => s.GetProperty("amount").GetUInt64()).SingleOrDefault();

    private async Task RunAsync(params string[] args)
    {
        var result = await cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"appliance {string.Join(' ', args)} exited {result.ExitCode}: {result.Error}{result.Output}");
    }
}
