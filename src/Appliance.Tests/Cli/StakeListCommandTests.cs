namespace Appliance.Tests.Cli;

/// <summary><c>stake list</c>: the coldkey's stakes per hotkey and subnet, named after the wallet's hotkeys.</summary>
public sealed class StakeListCommandTests(StakedSubnet subnet) : IClassFixture<StakedSubnet>
{
    [Fact]
    public async Task StakeList_Json_OneEntryPerHotkeyAndSubnet_InRao()
    {
        var result = await subnet.Cli.RunAsync("stake", "list", "--name", "owner", "--wallets-dir", subnet.WalletsDir, "--node", subnet.Node.Url, "--json");

        Assert.Equal(0, result.ExitCode);
        var stakes = result.Json.GetProperty("stakes").EnumerateArray()
            .Select(s => (s.GetProperty("hotkey_name").GetString(), s.GetProperty("netuid").GetInt32(), s.GetProperty("amount").GetUInt64()))
            .ToList();
        Assert.Equal([("default", 1, 1_000_000_000UL), ("miner", 1, 12_500_000_000UL)], stakes);
        Assert.Equal(13_500_000_000UL, result.Json.GetProperty("total").GetUInt64());
        Assert.Equal(await subnet.HotkeyAsync("miner"), result.Json.GetProperty("stakes")[1].GetProperty("hotkey").GetString());
    }

    [Fact]
    public async Task StakeList_Table_AllWallets_TaoHeader_TotalRow()
    {
        var result = await subnet.Cli.RunAsync("stake", "list", "--wallets-dir", subnet.WalletsDir, "--node", subnet.Node.Url);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Stakes", lines[0]);
        Assert.Matches(@"^WALLET\s+HOTKEY\s+NETUID\s+STAKE \(τ\)\s+HOTKEY ADDRESS$", lines[1]);
        Assert.Matches($@"^owner\s+default\s+1\s+1\.000000000\s+{await subnet.HotkeyAsync("default")}$", lines[2]);
        Assert.Matches($@"^owner\s+miner\s+1\s+12\.500000000\s+{await subnet.HotkeyAsync("miner")}$", lines[3]);
        Assert.Matches(@"^Total\s+13\.500000000$", lines[4]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task StakeList_WalletWithoutStake_EmptyWithAHint()
    {
        var result = await subnet.Cli.RunAsync("stake", "list", "--name", "empty", "--wallets-dir", subnet.WalletsDir, "--node", subnet.Node.Url);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^Total\s+0\.000000000$", result.Output.Split('\n')[2]);
        Assert.Contains("No stake yet: add some with 'appliance stake add'.", result.Output);
    }
}
