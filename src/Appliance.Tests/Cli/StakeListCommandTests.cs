namespace Appliance.Tests.Cli;

/// <summary>
/// <c>stake list</c>: the coldkey's stakes per hotkey and subnet, named after the wallet's hotkeys; on a dynamic
/// chain in alpha, with the pool's price and the TAO value, totalled in TAO.
/// </summary>
public sealed class StakeListCommandTests(StakedSubnet subnet) : IClassFixture<StakedSubnet>
{
    [Fact]
    public async Task StakeList_Json_OneEntryPerHotkeyAndSubnet_AlphaPriceAndValueInRao()
    {
        var result = await subnet.Cli.RunAsync("stake", "list", "--name", "owner", "--wallets-dir", subnet.WalletsDir, "--node", subnet.Node.Url, "--json");

        Assert.Equal(0, result.ExitCode);
        var stakes = result.Json.GetProperty("stakes").EnumerateArray()
            .Select(s => (s.GetProperty("hotkey_name").GetString(), s.GetProperty("netuid").GetInt32(), s.GetProperty("amount").GetUInt64(),
                s.GetProperty("unit").GetString(), s.GetProperty("price").GetUInt64(), s.GetProperty("value").GetUInt64()))
            .ToList();
        Assert.Equal(
            [("default", 1, StakedSubnet.DefaultAlpha, "alpha", StakedSubnet.Price, StakedSubnet.DefaultValue),
                ("miner", 1, StakedSubnet.MinerAlpha, "alpha", StakedSubnet.Price, StakedSubnet.MinerValue)],
            stakes);
        Assert.Equal(StakedSubnet.DefaultValue + StakedSubnet.MinerValue, result.Json.GetProperty("total").GetUInt64());
        Assert.Equal(await subnet.HotkeyAsync("miner"), result.Json.GetProperty("stakes")[1].GetProperty("hotkey").GetString());
    }

    [Fact]
    public async Task StakeList_Table_AllWallets_AlphaStakePriceAndTaoValue_TotalRowInTao()
    {
        var result = await subnet.Cli.RunAsync("stake", "list", "--wallets-dir", subnet.WalletsDir, "--node", subnet.Node.Url);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var price = StakedSubnet.Tao(StakedSubnet.Price);
        Assert.Equal("Stakes", lines[0]);
        Assert.Matches(@"^WALLET\s+HOTKEY\s+NETUID\s+STAKE\s+PRICE \(τ/α\)\s+VALUE \(τ\)\s+HOTKEY ADDRESS$", lines[1]);
        Assert.Matches($@"^owner\s+default\s+1\s+{StakedSubnet.Tao(StakedSubnet.DefaultAlpha)} α\s+{price}\s+{StakedSubnet.Tao(StakedSubnet.DefaultValue)}\s+{await subnet.HotkeyAsync("default")}$", lines[2]);
        Assert.Matches($@"^owner\s+miner\s+1\s+{StakedSubnet.Tao(StakedSubnet.MinerAlpha)} α\s+{price}\s+{StakedSubnet.Tao(StakedSubnet.MinerValue)}\s+{await subnet.HotkeyAsync("miner")}$", lines[3]);
        Assert.Matches($@"^Total\s+{StakedSubnet.Tao(StakedSubnet.DefaultValue + StakedSubnet.MinerValue)}$", lines[4]);
        Assert.StartsWith("A subnet's stake is its alpha (α)", lines[5]);
        Assert.Equal(6, lines.Length);
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
