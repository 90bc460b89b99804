using System.Text.Json;
using Appliance.Axon;
using Appliance.Cli;
using Appliance.Tests.Axon;
using Appliance.Tests.Support;

namespace Appliance.Tests.Mining;

/// <summary>
/// `appliance miner` with the real tiny model on a real node: it serves its axon, announces it with
/// serve_axon, answers a validator's signed request through llama.cpp, and stops cleanly on Ctrl-C.
/// </summary>
public sealed class MinerCommandTests(PermittedValidatorNode chain) : IClassFixture<PermittedValidatorNode>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Miner_ServesTheTinyModel_AnnouncedOnChain_AnswersAValidator_StopsCleanly()
    {
        var cli = new CliRunner(_dir.Path);
        var coldkey = await cli.RunAsync("wallet", "regen", "--name", "m", "--uri", "//axon//miner-coldkey", "--password-env", "PW");
        var hotkey = await cli.RunAsync("wallet", "regen", "--name", "m", "--uri", "//axon//miner", "--hotkey", "default");
        Assert.True(coldkey.ExitCode == 0 && hotkey.ExitCode == 0, coldkey.Error + hotkey.Error);
        var minerAddress = Appliance.Keys.Ss58.Encode(chain.Miner.PublicKey);

        var (output, error) = (new StringWriter(), new StringWriter());
        var console = new CliConsole(output, error, new StringReader(""), _ => null, CanPromptHidden: false);
        using var stop = new CancellationTokenSource();
        var running = CliApp.RunAsync(["miner", "--wallet", "m", "--hotkey", "default", "--wallets-dir", _dir.Path, "--netuid", "1",
            "--model", TinyModel.Path, "--port", "0", "--node", chain.Node.Url, "--threads", "1", "--max-tokens", "8"], console, stop.Token);

        JsonElement axon = default;
        for (var attempt = 0; attempt < 300 && axon.ValueKind != JsonValueKind.Object; attempt++)
        {
            Assert.False(running.IsCompleted, error.ToString());
            var neurons = (await chain.Node.GetJsonAsync("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray();
            axon = neurons.Single(n => n.GetProperty("hotkey").GetString() == minerAddress).GetProperty("axon");
            await Task.Delay(100);
        }
        Assert.Equal(JsonValueKind.Object, axon.ValueKind);
        // The block with serve_axon can be read before the miner has seen it included; its line says it is up.
        for (var attempt = 0; attempt < 300 && !output.ToString().Contains("Ctrl-C stops it", StringComparison.Ordinal); attempt++)
        {
            Assert.False(running.IsCompleted, error.ToString());
            await Task.Delay(100);
        }
        Assert.Contains("Ctrl-C stops it", output.ToString(), StringComparison.Ordinal);

        using var http = new HttpClient();
        var dendrite = new Dendrite(http, chain.Validator);
        var result = await dendrite.CallAsync(new Uri($"http://{axon.GetProperty("ip").GetString()}:{axon.GetProperty("port").GetInt32()}/"), minerAddress,
            new TextCompletionRequest("What is 2 + 2?", 32, 0.5f, 7), TimeSpan.FromSeconds(30), CancellationToken.None);
        var completed = Assert.IsType<DendriteResult.Completed>(result);
        Assert.InRange(completed.Response.CompletionTokens, 1, 8);

        await stop.CancelAsync();
        Assert.Equal(0, await running);
        Assert.Contains("miner stopped after 1 requests", output.ToString(), StringComparison.Ordinal);
    }
}
