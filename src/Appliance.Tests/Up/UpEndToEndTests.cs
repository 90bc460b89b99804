using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Appliance.Tests.Support;

namespace Appliance.Tests.Up;

/// <summary>
/// `appliance up` as a child process on a temp data folder with fast settings (200 ms blocks, tempo 10,
/// validators querying every second) and its default miners (trained, under-trained and random models),
/// checked only through its HTTP API and the CLI. The chain is dynamic TAO (the default): up starts its subnet,
/// every block injects TAO into its pool and mints alpha, and every epoch pays miners and validators in alpha.
/// </summary>
public sealed class UpEndToEndTests : IDisposable
{
    private const long Tempo = 10;
    private const ulong OwnerCut = 11_796;
    private readonly TempDirectory _dir = new();
    private readonly string _config;

    public UpEndToEndTests()
    {
        _config = _dir.Combine("up.json");
        File.WriteAllText(_config, $$"""
            {
              "Node": { "BlockTimeMs": 200 },
              "Up": {
                "Tempo": {{Tempo}}, "WeightsRateLimit": 3, "Threads": 1, "Sequences": 4,
                "Validators": [
                  { "Name": "validator1", "StakeTao": 2000, "Seed": 1, "QueryIntervalSeconds": 1, "TimeoutSeconds": 5 },
                  { "Name": "validator2", "StakeTao": 500, "Seed": 2, "QueryIntervalSeconds": 1, "TimeoutSeconds": 5 }
                ]
              }
            }
            """);
    }

    public void Dispose() => _dir.Dispose();

    private string DataDir => _dir.Combine("data");

    [Fact]
    public async Task Up_FiveEpochs_MinersAnswer_IncentiveOrderedTrainedUnderTrainedRandom_WeightsCommittedAndRevealed_EmissionFlows_RestartResumes()
    {
        using (var up = await UpProcess.StartAsync(DataDir, _config))
        {
            var byName = (await up.GetAsync<JsonElement>("/api/miners")).EnumerateArray()
                .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("hotkey").GetString()!);
            var minerHotkeys = byName.Values.ToList();
            var validatorHotkeys = (await up.GetAsync<JsonElement>("/api/validators")).EnumerateArray().Select(v => v.GetProperty("hotkey").GetString()!).ToList();
            Assert.Equal(3, minerHotkeys.Count);
            Assert.Equal(2, validatorHotkeys.Count);

            // The defaults: miner1 the trained model, miner2 the under-trained one, miner3 random weights. Five
            // epochs counted from when they all serve (the bootstrap's epochs had nothing to score).
            string[] quality = [byName["miner1"], byName["miner2"], byName["miner3"]];
            var serving = (await up.GetAsync<JsonElement>("/api/chain/head")).GetProperty("number").GetUInt64();
            var poolAtServing = (await up.GetAsync<JsonElement>("/api/subnets/1")).GetProperty("pool");
            var stakeAtServing = (await Metagraph(up)).ToDictionary(n => n.GetProperty("hotkey").GetString()!, n => n.GetProperty("stake").GetUInt64());
            await up.WaitUntilAsync(async () =>
            {
                var neurons = (await up.GetAsync<JsonElement>("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray().ToList();
                return quality[..2].All(h => Neuron(neurons, h).GetProperty("emission").GetUInt64() > 0)
                    && validatorHotkeys.All(h => Neuron(neurons, h).GetProperty("dividends").GetDouble() > 0)
                    && EpochRuns(await Blocks(up)).Count(e => e.Block > serving) >= 5;
            }, TimeSpan.FromSeconds(150), "five epochs with emission for the trained miners and dividends for every validator");
            var metagraph = await Metagraph(up);
            var incentive = quality.Select(h => Incentive(metagraph, h)).ToList();
            Assert.True(incentive[0] > incentive[1] && incentive[1] > incentive[2],
                $"incentive after five epochs: trained {incentive[0]:0.000}, under-trained {incentive[1]:0.000}, random {incentive[2]:0.000}");

            var miners = await up.GetAsync<JsonElement>("/api/miners");
            Assert.All(miners.EnumerateArray(), m => Assert.True(m.GetProperty("requests").GetInt64() > 0));
            var answered = (await up.GetAsync<JsonElement>("/api/validators")).EnumerateArray()
                .SelectMany(v => v.GetProperty("recent_rounds").EnumerateArray())
                .SelectMany(r => r.GetProperty("answers").EnumerateArray())
                .Where(a => a.GetProperty("status").GetInt32() == 200)
                .Select(a => a.GetProperty("hotkey").GetString()).ToHashSet();
            Assert.Superset(minerHotkeys.ToHashSet<string?>(), answered);

            var calls = await SuccessfulCalls(up);
            foreach (var validator in validatorHotkeys)
            {
                Assert.Contains((validator, "commit_weights"), calls);
                Assert.Contains((validator, "reveal_weights"), calls);
            }

            // Each epoch pays its alpha pots whole: to uids, the owner, or burned (the owner's own hotkeys' incentive, floors).
            var blocks = await Blocks(up);
            var epochs = EpochRuns(blocks);
            foreach (var (block, fields) in epochs)
            {
                Assert.Equal("alpha", fields.GetProperty("unit").GetString());
                var paid = fields.GetProperty("emission").EnumerateArray().Aggregate(0UL, (sum, e) => sum + e.GetUInt64());
                Assert.Equal(fields.GetProperty("pending").GetUInt64(), paid + fields.GetProperty("owner_cut").GetUInt64() + fields.GetProperty("burned").GetUInt64());
            }
            // Between two epochs every block's coinbase minted alpha outside the pool into the pots, 18 % to the
            // owner; each block floors its split, so the pots may miss a few rao of what was minted.
            var minted = SubnetEmissions(blocks).ToDictionary(e => e.Block, e => e.Fields.GetProperty("alpha_out").GetUInt64());
            foreach (var ((previousBlock, _), (block, current)) in epochs.Zip(epochs.Skip(1)))
            {
                Assert.Equal((ulong)(Tempo + 1), block - previousBlock);
                var alphaOut = Enumerable.Range(1, (int)Tempo + 1).Aggregate(0UL, (sum, i) => sum + minted.GetValueOrDefault(previousBlock + (ulong)i));
                Assert.InRange(current.GetProperty("pending").GetUInt64(), Math.Max(alphaOut, 3 * (ulong)(Tempo + 1)) - (3 * (ulong)(Tempo + 1)), alphaOut);
                var ownerCut = (ulong)((UInt128)alphaOut * OwnerCut / 65_535);
                Assert.InRange(current.GetProperty("owner_cut").GetUInt64(), Math.Max(ownerCut, (ulong)(Tempo + 1)) - (ulong)(Tempo + 1), ownerCut + 1);
            }

            // The pool moves: every block's TAO went in or bought alpha for the protocol, and the price followed. Shares
            // go by moving price, which stays below a rao for a new subnet's first dozen blocks or so (its EMA factor
            // grows with the blocks since start), so the check starts at the first block whose moving price shows.
            var emissions = SubnetEmissions(blocks)
                .Where(e => e.Block > epochs.First(x => x.Block > serving).Block)
                .SkipWhile(e => e.Fields.GetProperty("moving_price").GetUInt64() == 0).ToList();
            Assert.NotEmpty(emissions);
            Assert.All(emissions, e => Assert.True(e.Fields.GetProperty("tao_in").GetUInt64() + e.Fields.GetProperty("excess_tao").GetUInt64() > 0, $"block {e.Block}: no TAO"));
            Assert.True(emissions.Select(e => e.Fields.GetProperty("price").GetUInt64()).Distinct().Count() > 1, "the price never moved");
            var pool = (await up.GetAsync<JsonElement>("/api/subnets/1")).GetProperty("pool");
            Assert.True(pool.GetProperty("tao_in").GetUInt64() > poolAtServing.GetProperty("tao_in").GetUInt64(), "the pool's TAO did not grow");
            Assert.True(pool.GetProperty("alpha_out").GetUInt64() > poolAtServing.GetProperty("alpha_out").GetUInt64(), "no alpha was minted outside the pool");
            var prices = await up.GetAsync<JsonElement>("/api/subnets/1/prices?count=5");
            Assert.Equal(5, prices.GetArrayLength());
            Assert.All(prices.EnumerateArray(), p => Assert.True(p.GetProperty("price").GetUInt64() > 0));
            var list = await new CliRunner(_dir.Path).RunAsync("subnet", "list", "--node", up.Url);
            Assert.Matches(@"(?m)^NETUID\s+N\s+MAX N\s+TEMPO\s+PRICE \(τ/α\)", list.Output);

            // Miners and validators earn alpha: the trained miners' incentive and the validators' dividends are staked to their hotkeys.
            var stakeNow = (await Metagraph(up)).ToDictionary(n => n.GetProperty("hotkey").GetString()!, n => n.GetProperty("stake").GetUInt64());
            foreach (var hotkey in quality[..2].Concat(validatorHotkeys))
            {
                Assert.True(stakeNow[hotkey] > stakeAtServing[hotkey], $"{hotkey} earned no alpha: {stakeAtServing[hotkey]} then {stakeNow[hotkey]}");
            }

            Assert.Matches(@"^llama\.cpp backend cpu-\w+ \(no GPU: layers on the CPU\)$", up.Output[0]);
            Assert.Contains(up.Output, l => l.Contains("sealed: ", StringComparison.Ordinal) && l.Contains(" extrinsics", StringComparison.Ordinal));
            Assert.Contains(up.Output, l => l.Contains("task to 3 miners, 3 answered, mean score", StringComparison.Ordinal));
            Assert.Contains(up.Output, l => l.Contains("epoch of subnet 1 at block #", StringComparison.Ordinal) && l.Contains("emission by uid 0:0 1:", StringComparison.Ordinal));

            var issuance = await up.GetAsync<JsonElement>("/api/chain/issuance");
            Assert.Equal("dynamic", issuance.GetProperty("emission_model").GetString());
            Assert.Equal(issuance.GetProperty("total_issuance").GetUInt64(),
                issuance.GetProperty("free").GetUInt64() + issuance.GetProperty("staked").GetUInt64() + issuance.GetProperty("pool_tao").GetUInt64()
                + issuance.GetProperty("locked").GetUInt64() + issuance.GetProperty("pending").GetUInt64());

            Assert.Equal(0, await up.InterruptAsync());
        }

        var verified = await new CliRunner(_dir.Path).RunAsync("chain", "verify", "--data", DataDir);
        Assert.True(verified.ExitCode == 0, verified.Error + verified.Output);
        var height = ulong.Parse(verified.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(w => w.All(char.IsDigit)));

        using var again = await UpProcess.StartAsync(DataDir, _config);
        var stored = await again.GetAsync<JsonElement>($"/api/blocks/{height}");
        Assert.Equal(height, stored.GetProperty("number").GetUInt64());
        await again.WaitUntilAsync(async () => (await again.GetAsync<JsonElement>("/api/chain/head")).GetProperty("number").GetUInt64() > height + 2,
            TimeSpan.FromSeconds(30), "blocks after the restart");
        Assert.DoesNotContain(again.Output, l => l.Contains("Wallet miner1 created", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Up_MinerStopped_ValidatorsTimeOut_ItsAverageDecays_ItsIncentiveFalls_BlocksGoOn()
    {
        using var up = await UpProcess.StartAsync(DataDir, _config);
        var miner = (await up.GetAsync<JsonElement>("/api/miners")).EnumerateArray().Single(m => m.GetProperty("name").GetString() == "miner2");
        var hotkey = miner.GetProperty("hotkey").GetString()!;
        await up.WaitUntilAsync(async () => Incentive(await Metagraph(up), hotkey) > 0, TimeSpan.FromSeconds(150), "incentive for miner2");

        using var unauthorized = await up.Http.PostAsync("/api/admin/miners/miner2/stop", null);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        using var stop = new HttpRequestMessage(HttpMethod.Post, "/api/admin/miners/miner2/stop");
        stop.Headers.Authorization = new AuthenticationHeaderValue("Bearer", up.AdminToken);
        using (var stopped = await up.Http.SendAsync(stop))
        {
            Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        }
        var stoppedAt = (await up.GetAsync<JsonElement>("/api/chain/head")).GetProperty("number").GetUInt64();
        var averageAtStop = await MovingAverage(up, hotkey);
        var incentiveAtStop = Incentive(await Metagraph(up), hotkey);

        await up.WaitUntilAsync(async () =>
        {
            var refused = (await up.GetAsync<JsonElement>("/api/validators")).EnumerateArray()
                .All(v => v.GetProperty("recent_rounds").EnumerateArray().Any(r => r.GetProperty("answers").EnumerateArray()
                    .Any(a => a.GetProperty("hotkey").GetString() == hotkey && a.GetProperty("status").GetInt32() != 200)));
            return refused && await MovingAverage(up, hotkey) < averageAtStop && Incentive(await Metagraph(up), hotkey) < incentiveAtStop;
        }, TimeSpan.FromSeconds(150), "validators failing on the stopped miner, its average and incentive falling");

        var running = (await up.GetAsync<JsonElement>("/api/miners")).EnumerateArray().Single(m => m.GetProperty("name").GetString() == "miner2");
        Assert.False(running.GetProperty("running").GetBoolean());
        Assert.True((await up.GetAsync<JsonElement>("/api/chain/head")).GetProperty("number").GetUInt64() > stoppedAt);
    }

    private static JsonElement Neuron(IEnumerable<JsonElement> neurons, string hotkey) => neurons.Single(n => n.GetProperty("hotkey").GetString() == hotkey);

    private static async Task<List<JsonElement>> Metagraph(UpProcess up) =>
        (await up.GetAsync<JsonElement>("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray().ToList();

    private static double Incentive(List<JsonElement> neurons, string hotkey) => Neuron(neurons, hotkey).GetProperty("incentive").GetDouble();

    /// <summary>The largest moving average any validator holds for the hotkey's uid.</summary>
    private static async Task<double> MovingAverage(UpProcess up, string hotkey)
    {
        var uid = Neuron(await Metagraph(up), hotkey).GetProperty("uid").GetUInt16().ToString();
        return (await up.GetAsync<JsonElement>("/api/validators")).EnumerateArray()
            .Select(v => v.GetProperty("scores").TryGetProperty(uid, out var score) ? score.GetDouble() : 0).Max();
    }

    private static List<(ulong Block, JsonElement Fields)> EpochRuns(List<JsonElement> blocks) => Events(blocks, "EpochRun");

    /// <summary>Subnet 1's coinbase in each block: TAO in, the protocol's buy, alpha in and out, the prices after.</summary>
    private static List<(ulong Block, JsonElement Fields)> SubnetEmissions(List<JsonElement> blocks) =>
        Events(blocks, "SubnetEmission").Where(e => e.Fields.GetProperty("netuid").GetInt32() == 1).ToList();

    private static List<(ulong Block, JsonElement Fields)> Events(List<JsonElement> blocks, string name) =>
        blocks.SelectMany(b => b.GetProperty("events").EnumerateArray()
                .Where(e => e.GetProperty("name").GetString() == name)
                .Select(e => (b.GetProperty("number").GetUInt64(), e.GetProperty("fields"))))
            .ToList();

    private static async Task<HashSet<(string Signer, string Call)>> SuccessfulCalls(UpProcess up) =>
        (await Blocks(up)).SelectMany(b => b.GetProperty("extrinsics").EnumerateArray())
            .Where(x => x.GetProperty("success").GetBoolean())
            .Select(x => (x.GetProperty("signer").GetString()!, x.GetProperty("call").GetProperty("name").GetString()!))
            .ToHashSet();

    private static async Task<List<JsonElement>> Blocks(UpProcess up)
    {
        var head = (await up.GetAsync<JsonElement>("/api/chain/head")).GetProperty("number").GetUInt64();
        var blocks = new List<JsonElement>();
        for (var number = 1UL; number <= head; number++)
        {
            blocks.Add(await up.GetAsync<JsonElement>($"/api/blocks/{number}"));
        }
        return blocks;
    }
}
