using System.Net.Http.Json;
using System.Text.Json;
using Appliance.ApiClient;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;

namespace Appliance.Tests.Web;

/// <summary>
/// A full subnet for the browser tests to render: //Alice registers a second subnet, starts it, and fills all
/// its 256 uids, two of them staked as validators that set weights on every uid once they hold permits (tempo 4,
/// commit-reveal off) and again every few seconds while the tests run, as validators do, so they stay active
/// and its metagraph, charts and heat map have real numbers.
/// </summary>
public sealed class LargeSubnet : IAsyncDisposable
{
    public const int Uids = 256;
    private static readonly TimeSpan WeightsEvery = TimeSpan.FromSeconds(3);
    private readonly CancellationTokenSource _stop;
    private readonly Task _validators;

    private LargeSubnet(ushort netuid, CancellationTokenSource stop, Task validators)
    {
        Netuid = netuid;
        _stop = stop;
        _validators = validators;
    }

    public ushort Netuid { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _validators;
        _stop.Dispose();
    }

    public static async Task<LargeSubnet> CreateAsync(HttpClient http, string url)
    {
        using var node = new NodeClient(url);
        using var alice = DevAccounts.Alice();
        var hotkeys = Enumerable.Range(0, Uids).Select(i => DevAccounts.FromUri($"//Alice//large-{i}")).ToList();
        try
        {
            await IncludedAsync(node, alice, new RegisterNetwork(Id(hotkeys[0])));
            var netuid = (await http.GetFromJsonAsync<JsonElement>("/api/subnets")).EnumerateArray().Select(s => s.GetProperty("netuid").GetUInt16()).Max();
            var id = new NetUid(netuid);
            var alices = new PacedSubmitter(node, alice);
            foreach (var (name, value) in new[] { ("tempo", 4L), ("commit_reveal_weights_enabled", 0), ("weights_rate_limit", 0) })
            {
                await alices.SubmitAsync(new SudoSetHyperparameter(id, name, value));
            }
            await alices.SubmitAsync(new StartCall(id));
            foreach (var hotkey in hotkeys.Skip(1))
            {
                await alices.SubmitAsync(new BurnedRegister(id, Id(hotkey)));
            }
            await alices.SubmitAsync(new AddStake(Id(hotkeys[1]), id, Rao.FromTao(3000)));
            await alices.SubmitAsync(new AddStake(Id(hotkeys[2]), id, Rao.FromTao(1000)));
            await alices.DrainAsync();
            await SetWeightsOnceAllowedAsync(node, id, hotkeys[1], seed: 1);
            await SetWeightsOnceAllowedAsync(node, id, hotkeys[2], seed: 2);
            await EpochWithIncentiveAsync(http, netuid);
            var stop = new CancellationTokenSource();
            return new LargeSubnet(netuid, stop, KeepSettingWeightsAsync(url, id, stop.Token));
        }
        finally
        {
            hotkeys.ForEach(h => h.Dispose());
        }
    }

    /// <summary>The two validators' weights again every few seconds, each an ordinary set_weights, until the fixture stops.</summary>
    private static async Task KeepSettingWeightsAsync(string url, NetUid netuid, CancellationToken stop)
    {
        using var node = new NodeClient(url);
        using var first = DevAccounts.FromUri("//Alice//large-1");
        using var second = DevAccounts.FromUri("//Alice//large-2");
        try
        {
            while (true)
            {
                await Task.Delay(WeightsEvery, stop);
                foreach (var (hotkey, seed) in new[] { (first, 1), (second, 2) })
                {
                    try
                    {
                        await Submission.SubmitAsync(node, hotkey, Weights(netuid, seed), Rao.Zero, wait: false, stop);
                    }
                    catch (ClientError)
                    {
                        // Refused this time (say, its last set still in the pool): the next round sets it.
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static SetWeights Weights(NetUid netuid, int seed)
    {
        var random = new Random(seed);
        var dests = Enumerable.Range(0, Uids).Select(u => (ushort)u).ToList();
        return new SetWeights(netuid, dests, dests.Select(_ => (ushort)random.Next(1, 65_536)).ToList(), 0);
    }

    /// <summary>Permits come with the first epoch after the stake; until then set_weights is refused, so it is tried again.</summary>
    private static async Task SetWeightsOnceAllowedAsync(NodeClient node, NetUid netuid, Ed25519KeyPair hotkey, int seed)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var status = await node.WaitForInclusionAsync(await SubmitAsync(node, hotkey, Weights(netuid, seed)), TimeSpan.FromSeconds(30), CancellationToken.None);
                if (status.Success == true)
                {
                    return;
                }
            }
            catch (ClientError e) when (e.Code == nameof(DispatchErrorCode.NeuronNoValidatorPermit))
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"{Ss58.Encode(hotkey.PublicKey)} was given no validator permit on subnet {netuid} within 60 s.");
    }

    private static async Task EpochWithIncentiveAsync(HttpClient http, ushort netuid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var neurons = (await http.GetFromJsonAsync<JsonElement>($"/api/subnets/{netuid}/metagraph")).GetProperty("neurons");
            if (neurons.EnumerateArray().Any(n => n.GetProperty("incentive").GetDouble() > 0))
            {
                return;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"no epoch of subnet {netuid} paid incentive within 60 s of its weights.");
    }

    internal static async Task IncludedAsync(NodeClient node, Ed25519KeyPair signer, RuntimeCall call)
    {
        var status = await node.WaitForInclusionAsync(await SubmitAsync(node, signer, call), TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.True(status.Success, $"{call.Info.Name} failed: {status.Error}");
    }

    private static async Task<string> SubmitAsync(NodeClient node, Ed25519KeyPair signer, RuntimeCall call) =>
        (await Submission.SubmitAsync(node, signer, call, Rao.Zero, wait: false, CancellationToken.None)).Hash;

    private static AccountId Id(Ed25519KeyPair key) => new(key.PublicKey);

    /// <summary>One signer's extrinsics, waiting for inclusion every 15: the pool holds at most 16 nonces ahead of an account's included ones.</summary>
    internal sealed class PacedSubmitter(NodeClient node, Ed25519KeyPair signer)
    {
        private string _last = "";
        private int _pending;

        public async Task SubmitAsync(RuntimeCall call)
        {
            if (_pending == 15)
            {
                await DrainAsync();
            }
            _last = await LargeSubnet.SubmitAsync(node, signer, call);
            _pending++;
        }

        public async Task DrainAsync()
        {
            var status = await node.WaitForInclusionAsync(_last, TimeSpan.FromSeconds(60), CancellationToken.None);
            Assert.True(status.Success, $"extrinsic {_last} failed: {status.Error}");
            _pending = 0;
        }
    }
}
