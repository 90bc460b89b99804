using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// What a btcli user types works: <c>subnets</c> for <c>subnet</c>, btcli's hyperparameter names, and
/// <c>subnet create</c> / <c>register</c> telling the netuid and uid they got.
/// </summary>
public sealed class SubnetBtcliTests : IDisposable
{
    private readonly TempDirectory _wallets = new();
    private readonly CliRunner _cli;

    public SubnetBtcliTests()
    {
        _cli = new CliRunner(_wallets.Path);
    }

    public void Dispose() => _wallets.Dispose();

    [Fact]
    public async Task SubnetsAlias_CreateTellsNetuid_RegisterTellsUid_BtcliNamesSetAndShown()
    {
        await using var node = await TestNode.StartAsync();
        string[] signed = ["--wallet", "owner", "--node", node.Url, "--wallets-dir", _wallets.Path, "--password-env", "PW", "--wait"];
        await _cli.RunAsync("wallet", "regen", "--name", "owner", "--uri", "//Alice", "--password-env", "PW");
        await _cli.RunAsync("wallet", "new-hotkey", "--name", "owner", "--hotkey", "default");
        await _cli.RunAsync("wallet", "new-hotkey", "--name", "owner", "--hotkey", "miner");

        var first = await _cli.RunAsync(["subnets", "create", .. signed]);
        var second = await _cli.RunAsync(["subnet", "create", "--json", .. signed]);
        var registered = await _cli.RunAsync(["subnets", "register", "--netuid", "2", "--hotkey", "miner", .. signed]);
        var registeredJson = await _cli.RunAsync(["register", "--netuid", "1", "--hotkey", "miner", "--json", .. signed]);
        var set = await _cli.RunAsync(["subnets", "hyperparameters", "--netuid", "1", "--set", "bonds_moving_avg=500000", .. signed]);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"created subnet 1; its owner hotkey 5\w{47} is uid 0", first.Output);
        Assert.Equal((2, "included", true), (second.Json.GetProperty("netuid").GetInt32(), second.Json.GetProperty("status").GetString(), second.Json.GetProperty("success").GetBoolean()));
        Assert.Matches(@"registered 5\w{47} on subnet 2 as uid 1$", registered.Output.Trim());
        Assert.Equal((1, 1), (registeredJson.Json.GetProperty("netuid").GetInt32(), registeredJson.Json.GetProperty("uid").GetInt32()));
        Assert.Equal(0, set.ExitCode);
        var parameters = await _cli.RunAsync("subnets", "hyperparameters", "--netuid", "1", "--node", node.Url, "--json");
        Assert.Equal(500_000, parameters.Json.GetProperty("bonds_moving_average").GetInt64());
        var table = (await _cli.RunAsync("subnets", "hyperparameters", "--netuid", "1", "--node", node.Url)).Output;
        Assert.Matches(@"(?m)^HYPERPARAMETER\s+VALUE\s+NORMALIZED\s+BTCLI NAME$", table);
        Assert.Matches(@"(?m)^bonds_moving_average\s+500000\s+0\.500000\s+bonds_moving_avg$", table);
        Assert.Matches(@"(?m)^min_burn\s+500000\s+0\.000500000 τ$", table);
        Assert.Matches(@"(?m)^kappa\s+32767\s+0\.49999$", table);
        Assert.Matches(@"(?m)^max_weight_limit\s+65535\s+1\.00000\s+max_weights_limit$", table);
    }

    [Fact]
    public async Task Hyperparameters_UnknownName_UsageErrorListsOurNames()
    {
        var result = await _cli.RunAsync("subnet", "hyperparameters", "--netuid", "1", "--set", "activity_cutoff=100", "--wallet", "owner", "--wallets-dir", _wallets.Path, "--node", "http://127.0.0.1:9");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: UnknownHyperparameter: 'activity_cutoff'; known: tempo, ", result.Error);
    }

    [Fact]
    public async Task SubnetList_PriceAndPoolsFromTheLock_BurnDecaysFromOne_EmissionShareOnceStarted()
    {
        await using var node = await TestNode.StartAsync();
        await _cli.RunAsync("wallet", "regen", "--name", "owner", "--uri", "//Alice", "--password-env", "PW");
        await _cli.RunAsync("wallet", "new-hotkey", "--name", "owner", "--hotkey", "default");
        string[] signed = ["--wallet", "owner", "--node", node.Url, "--wallets-dir", _wallets.Path, "--password-env", "PW", "--wait"];
        await _cli.RunAsync(["subnet", "create", .. signed]);

        var before = await _cli.RunAsync("subnets", "list", "--node", node.Url);
        await _cli.RunAsync(["subnet", "start", "--netuid", "1", .. signed]);
        // Shares go by moving price, an EMA of the price that stays below I96F32's resolution for its first ~16 blocks.
        await node.WaitForBlocksAsync(25);
        var after = await _cli.RunAsync("subnets", "list", "--node", node.Url);

        var lines = before.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NETUID\s+N\s+MAX N\s+TEMPO\s+PRICE \(τ/α\)\s+POOL \(τ\)\s+POOL \(α\)\s+STARTED\s+EMISSION\s+BURN \(τ\)\s+LOCK \(τ\)\s+NEXT EPOCH\s+OWNER$", lines[1]);
        Assert.Matches($@"^\s+1\s+1\s+256\s+360\s+1\.000000000\s+1000\.000000000\s+1000\.000000000\s+no\s+0\.00 %\s+[01]\.\d{{9}}\s+1000\.000000000\s+#\d+\s+{StakedSubnet.Alice}$", lines[2]);
        Assert.StartsWith("PRICE is the pool's TAO over its alpha", lines[3]);
        Assert.Matches(@"(?m)^\s+1\s+1\s+256\s+360\s+\d+\.\d{9}\s+\d+\.\d{9}\s+\d+\.\d{9}\s+#\d+\s+100\.00 %\s", after.Output);
        var listed = (await _cli.RunAsync("subnets", "list", "--node", node.Url, "--json")).Json[0];
        Assert.Equal(1m, listed.GetProperty("emission_share").GetDecimal());
        Assert.True(listed.GetProperty("pool").GetProperty("tao_in").GetUInt64() >= 1_000_000_000_000UL);
    }
}
