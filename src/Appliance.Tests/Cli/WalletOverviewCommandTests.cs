namespace Appliance.Tests.Cli;

/// <summary><c>wallet overview</c>: each hotkey's uid in every subnet, btcli's columns, units in the headers (the subnets' alpha on a dynamic chain).</summary>
public sealed class WalletOverviewCommandTests(StakedSubnet subnet) : IClassFixture<StakedSubnet>
{
    [Fact]
    public async Task Overview_Json_EachHotkeyWithItsNeurons_InRao()
    {
        var result = await subnet.Cli.RunAsync("wallet", "overview", "--name", "owner", "--node", subnet.Node.Url, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(StakedSubnet.Alice, result.Json.GetProperty("coldkey").GetString());
        Assert.Equal(StakedSubnet.DefaultValue + StakedSubnet.MinerValue, result.Json.GetProperty("staked").GetUInt64());
        var hotkeys = result.Json.GetProperty("hotkeys").EnumerateArray().ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("neurons"));
        Assert.Equal(["default", "miner", "spare"], hotkeys.Keys.Order());
        var miner = Assert.Single(hotkeys["miner"].EnumerateArray());
        Assert.Equal(1, miner.GetProperty("netuid").GetInt32());
        Assert.Equal(1, miner.GetProperty("neuron").GetProperty("uid").GetInt32());
        Assert.Equal(StakedSubnet.MinerAlpha, miner.GetProperty("neuron").GetProperty("stake").GetUInt64());
        Assert.Equal(StakedSubnet.Alice, miner.GetProperty("neuron").GetProperty("coldkey").GetString());
        Assert.Equal(0, Assert.Single(hotkeys["default"].EnumerateArray()).GetProperty("neuron").GetProperty("uid").GetInt32());
        Assert.Empty(hotkeys["spare"].EnumerateArray());
    }

    [Fact]
    public async Task Overview_Table_RowPerRegistration_TotalRow_CaptionNamesTheUnregistered()
    {
        var minerAddress = await subnet.HotkeyAsync("miner");

        var result = await subnet.Cli.RunAsync("wallet", "overview", "--name", "owner", "--node", subnet.Node.Url);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^Wallet owner at block #\d+$", lines[0]);
        Assert.Matches(@"^HOTKEY\s+NETUID\s+UID\s+ACTIVE\s+STAKE \(α\)\s+RANK\s+TRUST\s+CONSENSUS\s+INCENTIVE\s+DIVIDENDS\s+EMISSION \(α\)\s+VTRUST\s+VAL\s+UPDATED\s+AXON\s+HOTKEY ADDRESS$", lines[1]);
        Assert.Matches($@"^default\s+1\s+0\s+\*?\s+{StakedSubnet.Tao(StakedSubnet.DefaultAlpha)}\s", lines[2]);
        Assert.Matches($@"^miner\s+1\s+1\s+\*?\s+{StakedSubnet.Tao(StakedSubnet.MinerAlpha)}\s.*{minerAddress}$", lines[3]);
        Assert.Matches($@"^Total\s+{StakedSubnet.Tao(StakedSubnet.DefaultAlpha + StakedSubnet.MinerAlpha)}\s+0\.000000000$", lines[4]);
        Assert.StartsWith($"Coldkey {StakedSubnet.Alice}: free ", lines[5]);
        Assert.EndsWith(
            $"staked {StakedSubnet.Tao(StakedSubnet.DefaultValue + StakedSubnet.MinerValue)} τ (alpha at the pools' prices). Not registered in any subnet: spare.", lines[5]);
    }

    [Fact]
    public async Task HotkeyNeuronsRoute_OneEntryPerSubnet_EmptyWhenUnregistered_BadAddressRefused()
    {
        var miner = await subnet.Node.GetJsonAsync($"/api/hotkeys/{await subnet.HotkeyAsync("miner")}/neurons");
        var spare = await subnet.Node.GetJsonAsync($"/api/hotkeys/{await subnet.HotkeyAsync("spare")}/neurons");
        using var bad = await subnet.Node.Http.GetAsync("/api/hotkeys/5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpX/neurons");

        Assert.Equal((1, 1), (miner[0].GetProperty("netuid").GetInt32(), miner[0].GetProperty("neuron").GetProperty("uid").GetInt32()));
        Assert.Equal(1, miner.GetArrayLength());
        Assert.Equal(0, spare.GetArrayLength());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("InvalidAddress", System.Text.Json.JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }
}
