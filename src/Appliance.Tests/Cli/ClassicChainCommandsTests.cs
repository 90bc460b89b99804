using System.Text.Json;
using Appliance.Chain.Genesis;
using Appliance.Runtime.Coinbase;
using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// The CLI on a chain whose genesis chose the classic emission model: no pools, so stake is TAO, the subnet
/// list keeps its classic columns, nothing is quoted, and the calls that move stake through pools are refused
/// before signing.
/// </summary>
public sealed class ClassicChainCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public ClassicChainCommandsTests()
    {
        _cli = new CliRunner(_dir.Combine("wallets"));
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ClassicChain_StakeInTao_SubnetListWithoutPools_PoolCallsNeedDynamicTao()
    {
        var genesis = _dir.Combine("genesis.json");
        await File.WriteAllTextAsync(genesis, JsonSerializer.Serialize(GenesisConfig.Development(EmissionModel.Classic)));
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?> { ["Node:GenesisFile"] = genesis });
        var owner = new OwnedSubnets(_cli, node, _dir.Combine("wallets"));
        await owner.CreateAsync(start: false, frozen: false);
        var miner = await owner.HotkeyAsync("miner");

        var staked = await _cli.RunAsync(["stake", "add", "--netuid", "1", "--hotkey", "miner", "--amount", "12.5", .. owner.Signed]);
        var list = await _cli.RunAsync("subnet", "list", "--node", node.Url);
        var stakes = await _cli.RunAsync("stake", "list", "--name", "owner", "--wallets-dir", _dir.Combine("wallets"), "--node", node.Url);
        var swap = await _cli.RunAsync(["stake", "swap", "--origin-netuid", "1", "--dest-netuid", "2", "--hotkey", "miner", "--amount", "1", .. owner.Signed]);
        var limited = await _cli.RunAsync(["stake", "add", "--netuid", "1", "--hotkey", "miner", "--amount", "1", "--limit-price", "2", .. owner.Signed]);

        Assert.Equal(0, staked.ExitCode);
        Assert.DoesNotContain("Quote", staked.Error);
        Assert.EndsWith($"staked 12.500000000 τ on hotkey {miner} in subnet 1", staked.Output.Trim());
        Assert.Equal(12_500_000_000UL, await owner.StakeAsync(StakedSubnet.Alice, miner, 1));
        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NETUID\s+N\s+MAX N\s+TEMPO\s+EMISSION\s+BURN \(τ\)\s+LOCK \(τ\)\s+NEXT EPOCH\s+OWNER$", lines[1]);
        Assert.Matches($@"^\s+1\s+2\s+256\s+360\s+100\.00 %\s+\d+\.\d{{9}}\s+1000\.000000000\s+#\d+\s+{StakedSubnet.Alice}$", lines[2]);
        Assert.Matches(@"(?m)^WALLET\s+HOTKEY\s+NETUID\s+STAKE \(τ\)\s+HOTKEY ADDRESS$", stakes.Output);
        Assert.Matches(@"(?m)^Total\s+12\.500000000$", stakes.Output);
        Assert.Equal((1, 1), (swap.ExitCode, limited.ExitCode));
        Assert.StartsWith("error: NeedsDynamicTao: swap_stake moves stake through subnet pools", swap.Error);
        Assert.StartsWith("error: NeedsDynamicTao: add_stake_limit moves stake through subnet pools", limited.Error);
    }
}
