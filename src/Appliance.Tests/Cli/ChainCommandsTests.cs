using Appliance.Runtime.TransactionPayment;
using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>Two wallets exchange transfers through the CLI against a real node; then `chain verify` passes.</summary>
public sealed class ChainCommandsTests : IDisposable
{
    private readonly TempDirectory _wallets = new();
    private readonly CliRunner _cli;

    public ChainCommandsTests()
    {
        _cli = new CliRunner(_wallets.Path);
    }

    public void Dispose() => _wallets.Dispose();

    [Fact]
    public async Task Transfer_BetweenTwoWallets_BalancesNoncesFeesEventsRight_ThenVerifyPasses()
    {
        await using var node = await TestNode.StartAsync();
        await _cli.RunAsync("wallet", "regen", "--name", "alice", "--uri", "//Alice", "--password-env", "PW");
        var bob = (await _cli.RunAsync("wallet", "create", "--name", "bob", "--password-env", "PW", "--json")).Json.GetProperty("wallet").GetProperty("coldkey").GetString()!;
        const string alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";

        var there = await _cli.RunAsync("transfer", "--wallet", "alice", "--to", bob, "--amount", "10", "--wait", "--json", "--node", node.Url, "--wallets-dir", _wallets.Path, "--password-env", "PW");
        var back = await _cli.RunAsync("transfer", "--wallet", "bob", "--to", alice, "--amount", "2.5", "--wait", "--node", node.Url, "--wallets-dir", _wallets.Path, "--password-env", "PW");

        Assert.Equal(0, there.ExitCode);
        Assert.Equal(0, back.ExitCode);
        Assert.True(there.Json.GetProperty("success").GetBoolean());
        Assert.Matches(@"included in block #\d+ \(0x[0-9a-f]{64}\): success", back.Output);
        var firstBlock = await node.GetJsonAsync($"/api/blocks/{there.Json.GetProperty("block").GetUInt64()}");
        var firstFee = Assert.Single(firstBlock.GetProperty("extrinsics").EnumerateArray()).GetProperty("fee").GetUInt64();
        var backHash = back.Output.Split(' ')[0];
        var backStatus = await node.GetJsonAsync($"/api/extrinsics/{backHash}");
        var backBlock = await node.GetJsonAsync($"/api/blocks/{backStatus.GetProperty("block").GetUInt64()}");
        var backFee = Assert.Single(backBlock.GetProperty("extrinsics").EnumerateArray()).GetProperty("fee").GetUInt64();
        Assert.True(firstFee > TransactionPaymentModule.BaseFee.Value);

        var aliceAccount = await node.GetJsonAsync($"/api/accounts/{alice}");
        var bobAccount = await node.GetJsonAsync($"/api/accounts/{bob}");
        Assert.Equal(1_000_000_000_000_000UL - 10_000_000_000UL - firstFee + 2_500_000_000UL, aliceAccount.GetProperty("free").GetUInt64());
        Assert.Equal(10_000_000_000UL - 2_500_000_000UL - backFee, bobAccount.GetProperty("free").GetUInt64());
        Assert.Equal((1UL, 1UL), (aliceAccount.GetProperty("nonce").GetUInt64(), bobAccount.GetProperty("nonce").GetUInt64()));
        var events = backBlock.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("module").GetString() + "." + e.GetProperty("name").GetString());
        Assert.Equal(["TransactionPayment.TransactionFeePaid", "Balances.Transfer", "System.ExtrinsicSuccess"], events);
        var transfer = backBlock.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Transfer").GetProperty("fields");
        Assert.Equal((bob, alice, 2_500_000_000UL), (transfer.GetProperty("from").GetString(), transfer.GetProperty("to").GetString(), transfer.GetProperty("amount").GetUInt64()));

        var head = await _cli.RunAsync("chain", "head", "--node", node.Url, "--json");
        Assert.True(head.Json.GetProperty("number").GetUInt64() >= backStatus.GetProperty("block").GetUInt64());
        var shown = await _cli.RunAsync("chain", "block", backStatus.GetProperty("block").GetUInt64().ToString(), "--node", node.Url);
        Assert.Contains("Balances.transfer_allow_death", shown.Output);

        await node.StopAsync();
        var verified = await _cli.RunAsync("chain", "verify", "--data", node.DataDir);
        Assert.Equal(0, verified.ExitCode);
        Assert.Matches(@"^verified \d+ blocks", verified.Output);
    }

    [Fact]
    public async Task Transfer_NoNode_OneLineNodeUnreachable()
    {
        await _cli.RunAsync("wallet", "regen", "--name", "alice", "--uri", "//Alice", "--password-env", "PW");

        var result = await _cli.RunAsync("transfer", "--wallet", "alice", "--to", "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E", "--amount", "1",
            "--node", "http://127.0.0.1:9", "--wallets-dir", _wallets.Path, "--password-env", "PW");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: NodeUnreachable:", result.Error);
    }

    [Fact]
    public async Task Verify_NoChainThere_ExitOneNamingIt()
    {
        var result = await _cli.RunAsync("chain", "verify", "--data", _wallets.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("NoChain", result.Error);
    }
}
