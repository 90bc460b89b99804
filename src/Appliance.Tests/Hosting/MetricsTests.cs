using Appliance.Chain;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Tests.Support;
using Appliance.Tests.Web;

namespace Appliance.Tests.Hosting;

/// <summary>GET /metrics over real HTTP on 127.0.0.1: a node's own series, and `up`'s epochs, axons and generation.</summary>
[Collection("web")]
public sealed class MetricsTests(WebFixture web)
{
    private const string Bob = "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E";

    [Fact]
    public async Task Node_AfterTransfers_ReportsHeightSealTimesAndEveryExtrinsicsResult()
    {
        await using var node = await TestNode.StartAsync();
        // Another node in the same process: each host must report only its own chain.
        await using var other = await TestNode.StartAsync();
        using var alice = TestChain.Key("//Alice");
        Assert.True(Hash256.TryParse((await node.GetJsonAsync("/api/chain/head")).GetProperty("genesis_hash").GetString()!, out var genesis));
        var nonce = (await node.GetJsonAsync($"/api/accounts/{new AccountId(alice.PublicKey)}")).GetProperty("next_nonce").GetUInt64();
        var ok = SignedExtrinsic.Create(alice, new TransferAllowDeath(AccountId.Parse(Bob), new Rao(Rao.PerTao)), nonce, Rao.Zero, genesis, RuntimeVersion.SpecVersion);
        // Admitted as a future nonce (no dry run yet), so it reaches a block and fails there.
        var tooMuch = SignedExtrinsic.Create(alice, new TransferAllowDeath(AccountId.Parse(Bob), new Rao(2_000_000 * Rao.PerTao)), nonce + 1, Rao.Zero, genesis,
            RuntimeVersion.SpecVersion);

        Assert.Equal(202, (await node.PostExtrinsicAsync(Hex(tooMuch.Encoded))).Status);
        Assert.Equal(202, (await node.PostExtrinsicAsync(Hex(ok.Encoded))).Status);
        Assert.False((await node.WaitForInclusionAsync(tooMuch.Hash.ToString())).GetProperty("success").GetBoolean());
        Assert.Equal("StaleNonce", (await node.PostExtrinsicAsync(Hex(ok.Encoded))).Body.GetProperty("error").GetString());
        await node.WaitForBlocksAsync(2);

        var before = await HeadAsync(node);
        var metrics = await ScrapeAsync(node.Http);
        var after = await HeadAsync(node);

        var height = metrics.Value("appliance_chain_height");
        Assert.InRange(height, before, after);
        // A block counts once it is committed, just after the head moves.
        var blocks = metrics.Value("appliance_block_seal_duration_seconds_count");
        Assert.InRange(blocks, height - 1, height);
        Assert.Equal(blocks, metrics.Value("appliance_block_seal_duration_seconds_bucket", "le=+Inf"));
        Assert.InRange(metrics.Value("appliance_block_seal_duration_seconds_sum"), double.Epsilon, blocks * 10);
        Assert.Equal(0, metrics.Value("appliance_pool_extrinsics"));
        Assert.Equal(1, metrics.Value("appliance_extrinsics_total", "result=success"));
        Assert.Equal(1, metrics.Value("appliance_extrinsics_total", "result=failed", "code=InsufficientBalance"));
        Assert.Equal(1, metrics.Value("appliance_extrinsics_total", "result=rejected", "code=StaleNonce"));

        var others = await ScrapeAsync(other.Http);
        Assert.Empty(others.Matching("appliance_extrinsics_total"));
        Assert.InRange(others.Value("appliance_chain_height"), 1, await HeadAsync(other));
    }

    [Fact]
    public async Task Up_ReportsEpochsAxonRequestsAndGeneratedTokens()
    {
        PrometheusText? metrics = null;
        await web.Up.WaitUntilAsync(async () =>
        {
            metrics = await ScrapeAsync(web.Up.Http);
            return metrics.Matching("appliance_epoch_duration_seconds_count").Any()
                && metrics.Matching("appliance_axon_requests_total", "status=200", "outcome=Completed").Any()
                && metrics.Matching("appliance_generation_tokens_total").Any();
        }, TimeSpan.FromSeconds(60), "epochs, answered axon requests and generated tokens in /metrics");

        var epochs = metrics!.Value("appliance_epoch_duration_seconds_count", "netuid=1");
        Assert.True(epochs >= 1);
        Assert.InRange(metrics.Value("appliance_epoch_duration_seconds_sum", "netuid=1"), double.Epsilon, epochs * 10);
        Assert.True(metrics.Value("appliance_axon_requests_total", "status=200", "outcome=Completed") >= 1);
        var tokens = metrics.Matching("appliance_generation_tokens_total").Sum(s => s.Value);
        var seconds = metrics.Matching("appliance_generation_duration_seconds_sum").Sum(s => s.Value);
        Assert.True(tokens >= 1 && seconds > 0, $"{tokens} tokens in {seconds} s");
        Assert.All(metrics.Matching("appliance_generation_tokens_total"), s => Assert.NotEmpty(s.Labels["model"]));
        Assert.True(metrics.Value("appliance_chain_height") >= 1);
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<ulong> HeadAsync(TestNode node) => (await node.GetJsonAsync("/api/chain/head")).GetProperty("number").GetUInt64();

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
