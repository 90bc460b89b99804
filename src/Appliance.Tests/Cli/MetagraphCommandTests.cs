namespace Appliance.Tests.Cli;

/// <summary><c>metagraph</c> (and <c>subnets metagraph</c>): btcli's columns, a dynamic subnet's stake and emission in α with its price, rao in JSON.</summary>
public sealed class MetagraphCommandTests(StakedSubnet subnet) : IClassFixture<StakedSubnet>
{
    [Fact]
    public async Task Metagraph_Table_BtcliColumns_StakeAndEmissionInAlpha_PriceInTitle_ColdkeyShown()
    {
        var result = await subnet.Cli.RunAsync("metagraph", "--netuid", "1", "--node", subnet.Node.Url);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches($@"^Metagraph of subnet 1 at block #\d+: 2 uids, price {StakedSubnet.Tao(StakedSubnet.Price)} τ/α$", lines[0]);
        Assert.Matches(@"^UID\s+STAKE \(α\)\s+RANK\s+TRUST\s+CONSENSUS\s+INCENTIVE\s+DIVIDENDS\s+EMISSION \(α\)\s+VTRUST\s+VAL\s+UPDATED\s+ACTIVE\s+AXON\s+HOTKEY\s+COLDKEY$", lines[1]);
        Assert.Matches($@"^\s*1\s+{StakedSubnet.Tao(StakedSubnet.MinerAlpha)}\s+0\.00000\s+0\.00000\s+0\.00000\s+0\.00000\s+0\.00000\s+0\.000000000\s+0\.00000\s.*{await subnet.HotkeyAsync("miner")}\s+{StakedSubnet.Alice}$", lines[3]);
        Assert.Matches($@"^\s+{StakedSubnet.Tao(StakedSubnet.DefaultAlpha + StakedSubnet.MinerAlpha)}\s+0\.000000000$", lines[4]);
    }

    [Fact]
    public async Task SubnetsMetagraph_Json_SameAsMetagraph_InRao()
    {
        var top = await subnet.Cli.RunAsync("metagraph", "--netuid", "1", "--node", subnet.Node.Url, "--json");
        var nested = await subnet.Cli.RunAsync("subnets", "metagraph", "--netuid", "1", "--node", subnet.Node.Url, "--json");

        Assert.Equal(StakedSubnet.MinerAlpha, nested.Json.GetProperty("neurons")[1].GetProperty("stake").GetUInt64());
        Assert.Equal(top.Json.GetProperty("neurons").GetRawText(), nested.Json.GetProperty("neurons").GetRawText());
    }
}
