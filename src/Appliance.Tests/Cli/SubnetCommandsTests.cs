using System.Text.RegularExpressions;
using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>btcli-style subnet commands end to end against a real node.</summary>
public sealed class SubnetCommandsTests : IDisposable
{
    private readonly TempDirectory _wallets = new();
    private readonly CliRunner _cli;

    public SubnetCommandsTests()
    {
        _cli = new CliRunner(_wallets.Path);
    }

    public void Dispose() => _wallets.Dispose();

    [Fact]
    public async Task CreateSubnet_Register_Stake_SetHyperparameter_Metagraph()
    {
        await using var node = await TestNode.StartAsync();
        string[] common = ["--node", node.Url, "--wallets-dir", _wallets.Path, "--password-env", "PW", "--wait"];
        await _cli.RunAsync("wallet", "regen", "--name", "owner", "--uri", "//Alice", "--password-env", "PW");
        await _cli.RunAsync("wallet", "new-hotkey", "--name", "owner", "--hotkey", "default");
        await _cli.RunAsync("wallet", "new-hotkey", "--name", "owner", "--hotkey", "miner");

        var created = await _cli.RunAsync(["subnet", "create", "--wallet", "owner", .. common]);
        var registered = await _cli.RunAsync(["register", "--netuid", "1", "--wallet", "owner", "--hotkey", "miner", .. common]);
        var started = await _cli.RunAsync(["subnet", "start", "--netuid", "1", "--wallet", "owner", .. common]);
        var staked = await _cli.RunAsync(["stake", "add", "--netuid", "1", "--wallet", "owner", "--hotkey", "miner", "--amount", "12.5", "--json", .. common]);
        var set = await _cli.RunAsync(["subnet", "hyperparameters", "--netuid", "1", "--set", "burn_increase_mult=1.5", "--wallet", "owner", .. common]);
        var outOfBounds = await _cli.RunAsync(["subnet", "hyperparameters", "--netuid", "1", "--set", "kappa=70000", "--wallet", "owner", .. common]);

        Assert.Equal((0, 0, 0, 0, 0), (created.ExitCode, registered.ExitCode, started.ExitCode, staked.ExitCode, set.ExitCode));
        Assert.Equal(1, outOfBounds.ExitCode);
        Assert.StartsWith("error: ValueOutOfBounds: kappa = 70000", outOfBounds.Error);
        var parameters = await _cli.RunAsync("subnet", "hyperparameters", "--netuid", "1", "--node", node.Url, "--json");
        Assert.Equal(1.5m, parameters.Json.GetProperty("burn_increase_mult").GetDecimal());
        var metagraph = await _cli.RunAsync("metagraph", "--netuid", "1", "--node", node.Url, "--json");
        var miner = metagraph.Json.GetProperty("neurons")[1];
        var alpha = staked.Json.GetProperty("alpha").GetUInt64();
        Assert.Equal(12_500_000_000UL, staked.Json.GetProperty("tao").GetUInt64());
        Assert.Equal(alpha, miner.GetProperty("stake").GetUInt64());
        var table = await _cli.RunAsync("metagraph", "--netuid", "1", "--node", node.Url);
        Assert.Contains("STAKE (α)", table.Output);
        Assert.Matches($@"(?m)^\s*1\s+{StakedSubnet.Tao(alpha)}\s", table.Output);
        var list = await _cli.RunAsync("subnet", "list", "--node", node.Url);
        Assert.Contains("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", list.Output);
    }

    [Fact]
    public async Task SubnetStart_StakeRefusedBefore_OnlyTheOwnerStarts_Once()
    {
        await using var node = await TestNode.StartAsync();
        string[] common = ["--node", node.Url, "--wallets-dir", _wallets.Path, "--password-env", "PW", "--wait"];
        var owner = new OwnedSubnets(_cli, node, _wallets.Path);
        await owner.CreateAsync(start: false, frozen: false);
        await _cli.RunAsync("wallet", "regen", "--name", "bob", "--uri", "//Bob", "--password-env", "PW");
        await _cli.RunAsync(["transfer", "--wallet", "owner", "--to", "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E", "--amount", "10", .. common]);

        var early = await _cli.RunAsync(["stake", "add", "--netuid", "1", "--hotkey", "miner", "--amount", "1", .. owner.Signed]);
        var byBob = await _cli.RunAsync(["subnet", "start", "--netuid", "1", "--wallet", "bob", .. common]);
        var started = await _cli.RunAsync(["subnet", "start", "--netuid", "1", .. owner.Signed]);
        var again = await _cli.RunAsync(["subnet", "start", "--netuid", "1", .. owner.Signed]);

        Assert.Equal((1, 1, 0, 1), (early.ExitCode, byBob.ExitCode, started.ExitCode, again.ExitCode));
        Assert.StartsWith("error: SubtokenDisabled: subnet 1 has not been started: its owner starts it with start_call (`appliance subnet start`).", early.Error);
        Assert.StartsWith($"error: NotSubnetOwner: only the owner coldkey {StakedSubnet.Alice} of subnet 1 may do this.", byBob.Error);
        var block = Regex.Match(started.Output, @"started subnet 1: it emits and takes stake from block #(\d+)$", RegexOptions.Multiline);
        Assert.True(block.Success, started.Output);
        Assert.StartsWith($"error: FirstEmissionBlockNumberAlreadySet: subnet 1 was started already; it emits from block {block.Groups[1].Value}.", again.Error);
        var pool = (await node.GetJsonAsync("/api/subnets/1")).GetProperty("pool");
        Assert.True(pool.GetProperty("started").GetBoolean());
        Assert.Equal(ulong.Parse(block.Groups[1].Value), pool.GetProperty("first_emission_block").GetUInt64());
    }

    [Fact]
    public async Task Weights_BadList_UsageErrorBeforeAnythingIsSigned()
    {
        await _cli.RunAsync("wallet", "regen", "--name", "owner", "--uri", "//Alice", "--password-env", "PW");
        await _cli.RunAsync("wallet", "new-hotkey", "--name", "owner", "--hotkey", "default");

        var result = await _cli.RunAsync("weights", "set", "--netuid", "1", "--uids", "1,x", "--values", "1,1", "--wallet", "owner", "--wallets-dir", _wallets.Path, "--node", "http://127.0.0.1:9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--uids '1,x'", result.Error);
    }
}
