using System.Text.Json;
using Appliance.Cli;
using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// Commands refused before anything is signed, against a real node: each refusal is one coded line, and the
/// signer's nonce, balance and pooled extrinsics show that nothing was sent. Checks that depend on the pool
/// run on a paused node (it seals no block during the test), so the first extrinsic is still pending.
/// </summary>
public sealed class PreflightTests : IDisposable
{
    private const string Alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
    private const string Bob = "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E";
    private readonly TempDirectory _wallets = new();
    private readonly CliRunner _cli;

    public PreflightTests()
    {
        _cli = new CliRunner(_wallets.Path);
    }

    public void Dispose() => _wallets.Dispose();

    [Theory]
    [InlineData(Bob, "0", "error: ZeroAmount:")]
    [InlineData(Alice, "1", "error: TransferToSelf:")]
    [InlineData(Bob, "2000000", "error: InsufficientBalance: the transfer of 2000000.000000000 TAO")]
    public async Task Transfer_Pointless_RefusedNothingSubmitted(string to, string amount, string refusal)
    {
        await using var node = await TestNode.StartAsync();
        await _cli.RunAsync("wallet", "regen", "--name", "alice", "--uri", "//Alice", "--password-env", "PW");
        var before = await AccountAsync(node, Alice);

        var result = await _cli.RunAsync(["transfer", "--wallet", "alice", "--to", to, "--amount", amount, .. Common(node)]);

        AssertRefused(result, 1, refusal);
        await AssertNothingSentAsync(node, Alice, before);
    }

    [Fact]
    public async Task Transfer_BalanceSpentByPendingTransfer_InsufficientBalanceNamingIt()
    {
        await using var running = await TestNode.StartAsync();
        await using var node = await PauseAsync(running);
        await _cli.RunAsync("wallet", "regen", "--name", "alice", "--uri", "//Alice", "--password-env", "PW");
        var first = await _cli.RunAsync(["transfer", "--wallet", "alice", "--to", Bob, "--amount", "600000", .. Common(node)]);

        var second = await _cli.RunAsync(["transfer", "--wallet", "alice", "--to", Bob, "--amount", "600000", .. Common(node)]);

        Assert.Equal(0, first.ExitCode);
        AssertRefused(second, 1, "error: InsufficientBalance:");
        Assert.EndsWith("(after 1 pending extrinsic from this signer)", second.Error.TrimEnd());
        Assert.Equal([HashOf(first)], await PendingAsync(node, Alice));
    }

    [Theory]
    [InlineData("add", "0.002", "error: AmountTooLow: 0.002000000 TAO is below the minimum 0.002001007 TAO.")]
    [InlineData("add", "999999", "error: NotEnoughBalanceToStake: staking needs 999999.000000000 TAO")]
    [InlineData("add", "2000000", "error: InsufficientLiquidity: 2000000.000000000 TAO is more than 1000× the pool's TAO.")]
    [InlineData("remove", "0", "error: AmountTooLow: no alpha of subnet 1 to remove: nothing is staked there, or the amount is 0.")]
    [InlineData("remove", "1", "error: AmountTooLow: no alpha of subnet 1 to remove: nothing is staked there, or the amount is 0. (no stake on hotkey ")]
    public async Task Stake_AmountThePoolWouldRefuse_RefusedNothingSubmitted(string change, string amount, string refusal)
    {
        await using var node = await TestNode.StartAsync();
        await new OwnedSubnets(_cli, node, _wallets.Path).CreateAsync();
        var before = await AccountAsync(node, Alice);

        var result = await _cli.RunAsync(["stake", change, "--netuid", "1", "--wallet", "owner", "--hotkey", "miner", "--amount", amount, .. Common(node)]);

        AssertRefused(result, 1, refusal);
        await AssertNothingSentAsync(node, Alice, before);
    }

    [Theory]
    [InlineData("set")]
    [InlineData("commit")]
    [InlineData("reveal")]
    public async Task Weights_ValuesDoNotMatchUids_UsageErrorNothingSubmitted(string mode)
    {
        await using var node = await TestNode.StartAsync();
        var hotkey = await OwnerWithSubnetAsync(node);
        var before = await AccountAsync(node, hotkey);

        var result = await _cli.RunAsync(["weights", mode, "--netuid", "1", "--uids", "1,2", "--values", "0.3", "--salt", "1,2", "--wallet", "owner", .. Common(node)]);

        AssertRefused(result, 2, "error: WeightVecNotEqualSize: 2 uids but 1 values.");
        await AssertNothingSentAsync(node, hotkey, before);
    }

    [Fact]
    public async Task WeightsSet_QueuedBehindOwnWeights_SettingWeightsTooFastNamingThePendingExtrinsic()
    {
        await using var running = await TestNode.StartAsync();
        var hotkey = await OwnerWithSubnetAsync(running, ("commit_reveal_weights_enabled", "0"));
        await using var node = await PauseAsync(running);
        var first = await _cli.RunAsync(["weights", "set", "--netuid", "1", "--uids", "0", "--values", "1", "--wallet", "owner", .. Common(node)]);

        var second = await _cli.RunAsync(["weights", "set", "--netuid", "1", "--uids", "0", "--values", "1", "--wallet", "owner", .. Common(node)]);

        Assert.Equal(0, first.ExitCode);
        AssertRefused(second, 1, "error: SettingWeightsTooFast: ");
        Assert.EndsWith($"(pending extrinsic {HashOf(first)} from this signer)", second.Error.TrimEnd());
        Assert.Equal([HashOf(first)], await PendingAsync(node, hotkey));
    }

    [Fact]
    public async Task WeightsCommit_QueuedBehindOwnCommit_RevealTooEarlyAndCommittingWeightsTooFast()
    {
        await using var running = await TestNode.StartAsync();
        var hotkey = await OwnerWithSubnetAsync(running);
        await using var node = await PauseAsync(running);
        string[] weights = ["--netuid", "1", "--uids", "0", "--values", "1", "--salt", "7,8,9", "--wallet", "owner"];
        var commit = await _cli.RunAsync(["weights", "commit", .. weights, .. Common(node)]);

        var reveal = await _cli.RunAsync(["weights", "reveal", .. weights, .. Common(node)]);
        var again = await _cli.RunAsync(["weights", "commit", .. weights, .. Common(node)]);

        Assert.Equal(0, commit.ExitCode);
        AssertRefused(reveal, 1, "error: RevealTooEarly: committed in epoch ");
        AssertRefused(again, 1, "error: CommittingWeightsTooFast: ");
        Assert.EndsWith($"(pending extrinsic {HashOf(commit)} from this signer)", reveal.Error.TrimEnd());
        Assert.EndsWith($"(pending extrinsic {HashOf(commit)} from this signer)", again.Error.TrimEnd());
        Assert.Equal([HashOf(commit)], await PendingAsync(node, hotkey));
    }

    [Fact]
    public async Task WeightsReveal_AgainstCommitsOnChain_NoCommitTooEarlyOrNoMatch_NothingSubmitted()
    {
        await using var node = await TestNode.StartAsync();
        var hotkey = await OwnerWithSubnetAsync(node, ("tempo", "1000"));
        string[] weights = ["--netuid", "1", "--uids", "0", "--values", "1", "--wallet", "owner"];

        var nothing = await _cli.RunAsync(["weights", "reveal", .. weights, "--salt", "7,8,9", .. Common(node)]);
        var commit = await _cli.RunAsync(["weights", "commit", .. weights, "--salt", "7,8,9", "--wait", .. Common(node)]);
        var before = await AccountAsync(node, hotkey);
        var early = await _cli.RunAsync(["weights", "reveal", .. weights, "--salt", "7,8,9", .. Common(node)]);
        var other = await _cli.RunAsync(["weights", "reveal", .. weights, "--salt", "1,2,3", .. Common(node)]);

        AssertRefused(nothing, 1, "error: NoWeightsCommitFound: ");
        Assert.Equal(0, commit.ExitCode);
        AssertRefused(early, 1, "error: RevealTooEarly: committed in epoch ");
        AssertRefused(other, 1, "error: InvalidRevealCommitHashNotMatch: ");
        await AssertNothingSentAsync(node, hotkey, before);
    }

    [Fact]
    public async Task WeightsSet_CommitRevealSubnet_CommitRevealEnabledNothingSubmitted()
    {
        await using var node = await TestNode.StartAsync();
        var hotkey = await OwnerWithSubnetAsync(node);
        var before = await AccountAsync(node, hotkey);

        var result = await _cli.RunAsync(["weights", "set", "--netuid", "1", "--uids", "0", "--values", "1", "--wallet", "owner", .. Common(node)]);

        AssertRefused(result, 1, "error: CommitRevealEnabled: subnet 1 takes weights by commit_weights then reveal_weights.");
        await AssertNothingSentAsync(node, hotkey, before);
    }

    [Theory]
    [InlineData("n\n")]
    [InlineData("\n")]
    [InlineData("")]
    public async Task Transfer_OnATerminalNotConfirmed_DeclinedNothingSubmitted(string answer)
    {
        await using var node = await TestNode.StartAsync();
        await _cli.RunAsync("wallet", "regen", "--name", "alice", "--uri", "//Alice", "--password-env", "PW");
        var before = await AccountAsync(node, Alice);

        var result = await RunOnTerminalAsync(answer, ["transfer", "--wallet", "alice", "--to", Bob, "--amount", "1.5", .. Common(node)]);

        Assert.StartsWith($"Do you want to transfer 1.500000000 TAO from {Alice} to {Bob}? Fee 0.000", result.Error);
        Assert.EndsWith("error: Declined: nothing was signed or sent.", result.Error.TrimEnd());
        Assert.Equal(1, result.ExitCode);
        await AssertNothingSentAsync(node, Alice, before);
    }

    [Theory]
    [InlineData("y\n")]
    [InlineData("", "-y")]
    [InlineData("", "--no-prompt")]
    public async Task Transfer_OnATerminalConfirmedOrNoPrompt_Sent(string answer, params string[] flags)
    {
        await using var node = await TestNode.StartAsync();
        await _cli.RunAsync("wallet", "regen", "--name", "alice", "--uri", "//Alice", "--password-env", "PW");

        var result = await RunOnTerminalAsync(answer, ["transfer", "--wallet", "alice", "--to", Bob, "--amount", "1.5", "--wait", .. flags, .. Common(node)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(flags.Length == 0, result.Error.Contains("Do you want to transfer", StringComparison.Ordinal));
        Assert.Equal(1_500_000_000UL, (await AccountAsync(node, Bob)).GetProperty("free").GetUInt64());
    }

    private string[] Common(TestNode node) => ["--node", node.Url, "--wallets-dir", _wallets.Path, "--password-env", "PW"];

    /// <summary>The same command tree with stdin a terminal, so the confirmation is asked.</summary>
    private static async Task<CliResult> RunOnTerminalAsync(string stdin, string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var console = new CliConsole(output, error, new StringReader(stdin), name => name == "PW" ? "correct horse" : null, CanPromptHidden: true);
        var exitCode = await CliApp.RunAsync(args, console);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>//Alice's wallet "owner" with subnet 1 (its hotkey uid 0), weights_rate_limit 2 and the given hyperparameters; returns the hotkey.</summary>
    private async Task<string> OwnerWithSubnetAsync(TestNode node, params (string Name, string Value)[] hyperparameters)
    {
        await _cli.RunAsync("wallet", "regen", "--name", "owner", "--uri", "//Alice", "--password-env", "PW");
        var hotkey = (await _cli.RunAsync("wallet", "new-hotkey", "--name", "owner", "--hotkey", "default", "--json"))
            .Json.GetProperty("wallet").GetProperty("hotkeys")[0].GetProperty("address").GetString()!;
        Assert.Equal(0, (await _cli.RunAsync(["subnet", "create", "--wallet", "owner", "--wait", .. Common(node)])).ExitCode);
        foreach (var (name, value) in hyperparameters.Append(("weights_rate_limit", "2")))
        {
            var set = await _cli.RunAsync(["subnet", "hyperparameters", "--netuid", "1", "--set", $"{name}={value}", "--wallet", "owner", "--wait", .. Common(node)]);
            Assert.Equal(0, set.ExitCode);
        }
        await node.WaitForBlocksAsync(3);
        return hotkey;
    }

    /// <summary>Restarts the node on its data with a one-hour block time: what is submitted stays pending.</summary>
    private static async Task<TestNode> PauseAsync(TestNode node)
    {
        await node.StopAsync();
        return await TestNode.StartAsync(node.DataDir, blockTimeMs: 3_600_000);
    }

    private static async Task<JsonElement> AccountAsync(TestNode node, string address) => await node.GetJsonAsync($"/api/accounts/{address}");

    private static async Task<string[]> PendingAsync(TestNode node, string address) =>
        (await node.GetJsonAsync($"/api/accounts/{address}/pending")).EnumerateArray().Select(p => p.GetProperty("hash").GetString()!).ToArray();

    private static string HashOf(CliResult submitted) => submitted.Output.Split(' ')[0];

    private static void AssertRefused(CliResult result, int exitCode, string line)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith(line, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    private static async Task AssertNothingSentAsync(TestNode node, string address, JsonElement before)
    {
        var after = await AccountAsync(node, address);
        Assert.Equal(before.GetProperty("nonce").GetUInt64(), after.GetProperty("nonce").GetUInt64());
        Assert.Equal(before.GetProperty("free").GetUInt64(), after.GetProperty("free").GetUInt64());
        Assert.Equal(0UL, after.GetProperty("next_nonce").GetUInt64() - after.GetProperty("nonce").GetUInt64());
        Assert.Empty(await PendingAsync(node, address));
    }
}
