using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Chain;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Tests.Support;

namespace Appliance.Tests.Node;

/// <summary>
/// The node is killed with SIGKILL at random moments while transfers stream in, and restarted: the chain
/// must verify, never lose height, and keep every transfer the API reported as included.
/// </summary>
public sealed class CrashSafetyTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Rounds = 5;

    [Fact]
    public async Task KilledRepeatedlyUnderLoad_ChainVerifies_HeightNeverDrops_IncludedTransfersKept()
    {
        using var temp = new TempDirectory();
        using var alice = TestChain.Key("//Alice");
        var bob = TestChain.Id(TestChain.Key("//Bob"));
        var random = new Random(20261122);
        var included = new Dictionary<string, ulong>();
        ulong highest = 0;

        for (var round = 0; round < Rounds; round++)
        {
            using var node = await NodeProcess.StartAsync(temp.Path, blockTimeMs: 100);
            var height = await node.HeightAsync();
            Assert.True(height >= highest, $"round {round}: restarted at #{height}, below #{highest} seen before the kill");
            using var stop = new CancellationTokenSource();
            var load = SubmitTransfersAsync(node, alice, bob, included, stop.Token);
            await Task.Delay(random.Next(500, 2500));
            highest = Math.Max(highest, await node.HeightAsync());
            node.Kill();
            stop.Cancel();
            await load;
            output.WriteLine($"round {round}: started at #{height}, killed after #{highest}; {included.Count} transfers reported included so far");
        }

        using (var last = await NodeProcess.StartAsync(temp.Path, blockTimeMs: 100))
        {
            Assert.True(await last.HeightAsync() >= highest);
            Assert.NotEmpty(included);
            foreach (var (hash, block) in included)
            {
                var status = await last.Http.GetFromJsonAsync<JsonElement>($"/api/extrinsics/{hash}");
                Assert.Equal(("included", block), (status.GetProperty("status").GetString(), status.GetProperty("block").GetUInt64()));
            }
            last.Kill();
        }
        var verified = ChainVerifier.Verify(temp.Path);
        Assert.True(verified.Valid, verified.Problem);
        Assert.True(verified.Height >= highest);
    }

    /// <summary>Submits transfers back to back and records those the API reports as included, until the node dies.</summary>
    private static async Task SubmitTransfersAsync(
        NodeProcess node, Appliance.Crypto.Ed25519KeyPair alice, AccountId bob, Dictionary<string, ulong> included, CancellationToken stop)
    {
        var pending = new List<string>();
        try
        {
            var head = await node.Http.GetFromJsonAsync<JsonElement>("/api/chain/head", stop);
            Assert.True(Hash256.TryParse(head.GetProperty("genesis_hash").GetString()!, out var genesis));
            while (!stop.IsCancellationRequested)
            {
                var account = await node.Http.GetFromJsonAsync<JsonElement>($"/api/accounts/{new AccountId(alice.PublicKey)}", stop);
                var extrinsic = SignedExtrinsic.Create(alice, new TransferAllowDeath(bob, new Rao(Rao.PerTao)), account.GetProperty("next_nonce").GetUInt64(), Rao.Zero, genesis, RuntimeVersion.SpecVersion);
                using (var response = await node.Http.PostAsJsonAsync("/api/extrinsics", new { hex = "0x" + Convert.ToHexStringLower(extrinsic.Encoded) }, stop))
                {
                    if (response.IsSuccessStatusCode)
                    {
                        pending.Add(extrinsic.Hash.ToString());
                    }
                }
                foreach (var hash in pending.ToList())
                {
                    var status = await node.Http.GetFromJsonAsync<JsonElement>($"/api/extrinsics/{hash}", stop);
                    if (status.GetProperty("status").GetString() == "included")
                    {
                        included[hash] = status.GetProperty("block").GetUInt64();
                        pending.Remove(hash);
                    }
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
        {
        }
    }
}
