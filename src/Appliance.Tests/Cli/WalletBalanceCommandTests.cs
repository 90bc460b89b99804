using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// <c>wallet balance</c>: free, staked and total per coldkey, with a total row; rao in JSON, τ in the table. The
/// stake is alpha, counted at its TAO value at the pool's price.
/// </summary>
public sealed class WalletBalanceCommandTests(StakedSubnet subnet) : IClassFixture<StakedSubnet>
{
    [Fact]
    public async Task Balance_Json_FreeFromTheChain_StakeValuedInTao_TotalsAddUp()
    {
        var staked = StakedSubnet.DefaultValue + StakedSubnet.MinerValue;
        var free = (await subnet.Node.GetJsonAsync($"/api/accounts/{StakedSubnet.Alice}")).GetProperty("free").GetUInt64();

        var result = await subnet.Cli.RunAsync("wallet", "balance", "--all", "--node", subnet.Node.Url, "--json");

        Assert.Equal(0, result.ExitCode);
        var balances = result.Json.GetProperty("balances");
        Assert.Equal(["empty", "owner"], balances.EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        var owner = balances[1];
        Assert.Equal(StakedSubnet.Alice, owner.GetProperty("coldkey").GetString());
        Assert.Equal((free, staked, free + staked),
            (owner.GetProperty("free").GetUInt64(), owner.GetProperty("staked").GetUInt64(), owner.GetProperty("total").GetUInt64()));
        Assert.Equal(0UL, balances[0].GetProperty("total").GetUInt64());
        Assert.Equal(free + staked, result.Json.GetProperty("totals").GetProperty("total").GetUInt64());
    }

    [Fact]
    public async Task Balance_Table_InTaoWithUnitsInTheHeader_AndATotalRow()
    {
        var staked = StakedSubnet.DefaultValue + StakedSubnet.MinerValue;
        var free = (await subnet.Node.GetJsonAsync($"/api/accounts/{StakedSubnet.Alice}")).GetProperty("free").GetUInt64();
        var (freeTao, stakedTao, totalTao) = (StakedSubnet.Tao(free), StakedSubnet.Tao(staked), StakedSubnet.Tao(free + staked));

        var result = await subnet.Cli.RunAsync("wallet", "balance", "--node", subnet.Node.Url);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^WALLET\s+COLDKEY\s+FREE \(τ\)\s+STAKED \(τ\)\s+TOTAL \(τ\)$", lines[1]);
        Assert.Matches($@"^owner\s+{StakedSubnet.Alice}\s+{freeTao}\s+{stakedTao}\s+{totalTao}$", lines[3]);
        Assert.Matches($@"^Total\s+{freeTao}\s+{stakedTao}\s+{totalTao}$", lines[4]);
        Assert.StartsWith("STAKED is the stake's value: alpha (α) at each subnet pool's price", lines[5]);
    }

    [Fact]
    public async Task Balance_OneWallet_OnlyThatRow()
    {
        var result = await subnet.Cli.RunAsync("wallet", "balance", "--name", "empty", "--node", subnet.Node.Url, "--json");

        Assert.Equal("empty", Assert.Single(result.Json.GetProperty("balances").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Balance_NameAndAll_UsageError()
    {
        var result = await subnet.Cli.RunAsync("wallet", "balance", "--name", "owner", "--all", "--node", subnet.Node.Url);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: Usage: Give --name or --all, not both.", result.Error);
    }

    [Fact]
    public async Task Balance_UnknownWallet_WalletNotFound()
    {
        var result = await subnet.Cli.RunAsync("wallet", "balance", "--name", "nobody", "--node", subnet.Node.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: WalletNotFound: no wallet 'nobody'", result.Error);
    }

    [Fact]
    public async Task Balance_NoWallets_NoWalletsError()
    {
        using var emptyDir = new TempDirectory();

        var result = await new CliRunner(emptyDir.Path).RunAsync("wallet", "balance", "--node", subnet.Node.Url);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: NoWallets: there are no wallets in", result.Error);
    }
}
