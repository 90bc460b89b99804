using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// A subnet spread over "machines": `appliance node`, `appliance miner` and `appliance validator` as separate
/// processes, each on its own loopback address (Linux routes all of 127.0.0.0/8 to lo), talking only through
/// the node's API and the axon, as they would across a network.
/// </summary>
public sealed class MultiMachineTests : IDisposable
{
    private static readonly IPAddress NodeBox = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress MinerBox = IPAddress.Parse("127.0.0.3");
    private static readonly IPAddress ValidatorBox = IPAddress.Parse("127.0.0.4");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task NodeMinerValidator_EachOnItsOwnAddress_AxonAnnounced_MinerQueried_WeightsAndIncentiveOnChain()
    {
        var wallets = _dir.Combine("wallets");
        var cli = new CliRunner(wallets);
        var nodeUrl = $"http://{NodeBox}:{ApplianceProcess.FreePort(NodeBox)}";
        using var http = new HttpClient { BaseAddress = new Uri(nodeUrl), Timeout = TimeSpan.FromSeconds(10) };
        using var node = ApplianceProcess.Start("node", "node", "--data", _dir.Combine("chain"), "--urls", nodeUrl, "--block-time", "200");
        await ApplianceProcess.WaitUntilAsync([node], async () => (await http.GetAsync("/api/chain/head")).IsSuccessStatusCode, Patience, "the node on 127.0.0.2");

        // As up does: a subnet owned by //Alice and started, a wallet per neuron, funded and registered, the
        // validator staked; short epochs and weights set directly, so the first epochs after a query show the outcome.
        string[] signed = ["--node", nodeUrl, "--wallets-dir", wallets, "--password-env", "PW", "--wait"];
        await Ok(cli.RunAsync("wallet", "regen", "--name", "owner", "--uri", "//Alice", "--password-env", "PW"));
        await Ok(cli.RunAsync("wallet", "new-hotkey", "--name", "owner", "--hotkey", "default"));
        await Ok(cli.RunAsync(["subnet", "create", "--wallet", "owner", .. signed]));
        await Ok(cli.RunAsync(["subnet", "start", "--netuid", "1", "--wallet", "owner", .. signed]));
        foreach (var setting in new[] { "tempo=4", "commit_reveal_weights_enabled=0", "weights_rate_limit=0" })
        {
            await Ok(cli.RunAsync(["subnet", "hyperparameters", "--netuid", "1", "--set", setting, "--wallet", "owner", .. signed]));
        }
        var minerHotkey = await Neuron(cli, "miner", signed);
        var validatorHotkey = await Neuron(cli, "validator", signed);
        await Ok(cli.RunAsync(["stake", "add", "--netuid", "1", "--wallet", "validator", "--amount", "100", .. signed]));

        var axonPort = ApplianceProcess.FreePort(MinerBox);
        using var miner = ApplianceProcess.Start("miner", "miner", "--wallet", "miner", "--wallets-dir", wallets, "--netuid", "1", "--node", nodeUrl,
            "--model", Path.Combine(AppContext.BaseDirectory, "models", "subnet-tasks.gguf"), "--temperature", "0", "--max-tokens", "32", "--threads", "1",
            "--axon-ip", MinerBox.ToString(), "--port", axonPort.ToString(), "--external-ip", MinerBox.ToString());
        using var validator = ApplianceProcess.Start("validator", "validator", "--wallet", "validator", "--wallets-dir", wallets, "--netuid", "1",
            "--node", nodeUrl, "--source-ip", ValidatorBox.ToString(), "--query-interval", "1", "--timeout", "10", "--seed", "1");
        ApplianceProcess[] all = [node, miner, validator];

        await ApplianceProcess.WaitUntilAsync(all, async () => (await NeuronOf(http, minerHotkey)).GetProperty("axon").ValueKind == JsonValueKind.Object,
            Patience, "the miner's serve_axon");
        var axon = (await NeuronOf(http, minerHotkey)).GetProperty("axon");
        Assert.Equal((MinerBox.ToString(), axonPort), (axon.GetProperty("ip").GetString(), axon.GetProperty("port").GetInt32()));

        // The miner's request log names the address each request came from: the validator's, not the node's or its own.
        var answered = $"{ValidatorBox} POST /TextCompletion from {validatorHotkey}: 200 Completed";
        await ApplianceProcess.WaitUntilAsync(all, () => Task.FromResult(miner.Output.Any(l => l.Contains(answered, StringComparison.Ordinal))),
            Patience, "the miner to answer the validator from 127.0.0.4");

        var minerUid = (await NeuronOf(http, minerHotkey)).GetProperty("uid").GetInt32();
        var validatorUid = (await NeuronOf(http, validatorHotkey)).GetProperty("uid").GetInt32();
        await ApplianceProcess.WaitUntilAsync(all, async () =>
            {
                var detail = await http.GetFromJsonAsync<JsonElement>($"/api/subnets/1/neurons/{validatorUid}");
                return detail.GetProperty("weights").EnumerateArray().Any(w => w[0].GetInt32() == minerUid && w[1].GetInt32() > 0);
            }, Patience, "the validator's weights on the miner's uid");
        await ApplianceProcess.WaitUntilAsync(all, async () => (await NeuronOf(http, minerHotkey)).GetProperty("incentive").GetDouble() > 0,
            Patience, "an epoch to give the miner incentive");

        foreach (var neuron in new[] { validator, miner })
        {
            var exitCode = await neuron.InterruptAsync();
            Assert.True(exitCode == 0, $"exit code {exitCode} after Ctrl-C:\n{neuron.Tail()}");
        }
        Assert.Contains(miner.Output, l => l.Contains($"announced as http://{MinerBox}:{axonPort}/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("miner", "--axon-ip", "nope", "--axon-ip 'nope' is not an IP address.")]
    [InlineData("miner", "--axon-ip", "127.1", "--axon-ip '127.1' is not an IP address.")]
    [InlineData("miner", "--port", "65536", "--port must be 0 to 65535, got 65536.")]
    [InlineData("miner", "--external-port", "0", "--external-port must be 1 to 65535, got 0.")]
    [InlineData("miner", "--external-ip", "10.0.0.300", "--external-ip '10.0.0.300' is not an IP address.")]
    [InlineData("miner", "--axon-ip", "0.0.0.0", "0.0.0.0 cannot be announced: give --external-ip")]
    [InlineData("validator", "--source-ip", "localhost", "--source-ip 'localhost' is not an IP address.")]
    [InlineData("validator", "--source-ip", "192.0.2.1", "--source-ip 192.0.2.1 is not an address of this machine")]
    public async Task Neuron_BadAddressOrPort_OneLineUsageErrorExit2(string command, string option, string value, string detail)
    {
        string[] model = command == "miner" ? ["--model", "absent.gguf"] : [];
        var result = await new CliRunner(_dir.Path).RunAsync([command, "--wallet", "absent", "--wallets-dir", _dir.Path, "--netuid", "1", .. model, option, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: Usage: ", result.Error);
        Assert.Contains(detail, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    /// <summary>A wallet named <paramref name="name"/> with its own coldkey, funded by //Alice and registered on subnet 1; returns its hotkey.</summary>
    private static async Task<string> Neuron(CliRunner cli, string name, string[] signed)
    {
        var coldkey = TestChain.Id(TestChain.Key($"//multibox//{name}-coldkey")).Address;
        await Ok(cli.RunAsync("wallet", "regen", "--name", name, "--uri", $"//multibox//{name}-coldkey", "--password-env", "PW"));
        await Ok(cli.RunAsync("wallet", "regen", "--name", name, "--uri", $"//multibox//{name}", "--hotkey", "default"));
        await Ok(cli.RunAsync(["transfer", "--wallet", "owner", "--to", coldkey, "--amount", "1000", .. signed]));
        await Ok(cli.RunAsync(["register", "--netuid", "1", "--wallet", name, .. signed]));
        return TestChain.Id(TestChain.Key($"//multibox//{name}")).Address;
    }

    private static async Task<JsonElement> NeuronOf(HttpClient http, string hotkey) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray()
            .Single(n => n.GetProperty("hotkey").GetString() == hotkey);

    private static async Task Ok(Task<CliResult> command)
    {
        var result = await command;
        Assert.True(result.ExitCode == 0, result.Error);
    }
}
