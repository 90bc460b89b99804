using System.Text.Json;
using Appliance.Chain;
using Appliance.Crypto;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Serving;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.Tests.Support;

namespace Appliance.Tests.Api;

/// <summary>
/// A subnet's life on a dynamic chain driven through the HTTP API only: signed extrinsics posted, state read
/// back. After every step the issuance invariant (free + root stake + the pools' TAO = issuance) is checked; at
/// the end the chain verifies.
/// </summary>
public sealed class SubnetScenarioTests : IAsyncLifetime
{
    private readonly Ed25519KeyPair _alice = TestChain.Key("//Alice");
    private readonly Ed25519KeyPair _bob = TestChain.Key("//Bob");
    private readonly Ed25519KeyPair _charlie = TestChain.Key("//Charlie");
    private readonly Ed25519KeyPair[] _hot = Enumerable.Range(0, 13).Select(i => TestChain.Key($"//hot//{i}")).ToArray();
    private TestNode _node = null!;
    private Hash256 _genesis;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync(blockTimeMs: 100);
        Assert.True(Hash256.TryParse((await _node.GetJsonAsync("/api/chain/head")).GetProperty("genesis_hash").GetString()!, out _genesis));
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        foreach (var key in _hot.Append(_alice).Append(_bob).Append(_charlie))
        {
            key.Dispose();
        }
    }

    [Fact]
    public async Task Subnet_CreateRegisterPruneStakePermitsWeightsCommitRevealServe_AllThroughTheApi()
    {
        var one = new NetUid(1);
        await Included(_alice, new TransferAllowDeath(Id(_bob), new Rao(10_000 * Rao.PerTao)));
        await Included(_alice, new TransferAllowDeath(Id(_charlie), new Rao(Rao.PerTao / 2)));
        await Included(_alice, new RegisterNetwork(Id(_hot[0])));
        foreach (var (name, value) in new[] { ("tempo", 9L), ("weights_rate_limit", 5), ("commit_reveal_weights_enabled", 0), ("max_allowed_validators", 2), ("burn_half_life", 0) })
        {
            await Included(_alice, new SudoSetHyperparameter(one, name, value));
        }
        Assert.Equal(9, (await Get("/api/subnets/1/hyperparameters")).GetProperty("tempo").GetInt64());
        await Included(_alice, new StartCall(one));

        // Eight registrations, each at a higher burn.
        var burns = new List<ulong>();
        for (var i = 1; i <= 8; i++)
        {
            burns.Add((await Get("/api/subnets/1")).GetProperty("burn").GetUInt64());
            await Included(_alice, new BurnedRegister(one, Id(_hot[i])));
        }
        Assert.Equal(burns.OrderBy(b => b), burns);
        Assert.Equal(burns.Count, burns.Distinct().Count());
        Assert.Equal(9, (await Get("/api/subnets/1/metagraph")).GetProperty("neurons").GetArrayLength());

        // A subnet of 4 uids: once full, the oldest non-immune neuron goes, a freshly registered one stays.
        var two = new NetUid(2);
        await Included(_alice, new RegisterNetwork(Id(_hot[9])));
        foreach (var (name, value) in new[] { ("max_allowed_validators", 2L), ("max_allowed_uids", 4), ("immunity_period", 20), ("min_non_immune_uids", 0), ("burn_half_life", 0) })
        {
            await Included(_alice, new SudoSetHyperparameter(two, name, value));
        }
        await Included(_alice, new BurnedRegister(two, Id(_hot[1])));
        await Included(_alice, new BurnedRegister(two, Id(_hot[2])));
        var lastRegistration = await Included(_alice, new BurnedRegister(two, Id(_hot[3])));
        await WaitUntilBlock(lastRegistration + 21);
        await Included(_alice, new BurnedRegister(two, Id(_hot[10])));
        await Included(_alice, new BurnedRegister(two, Id(_hot[11])));
        var small = (await Get("/api/subnets/2/metagraph")).GetProperty("neurons").EnumerateArray().Select(n => n.GetProperty("hotkey").GetString()).ToList();
        Assert.Equal([Address(_hot[9]), Address(_hot[10]), Address(_hot[11]), Address(_hot[3])], small);

        // Stake (one nominator among them) buys alpha, and validator permits follow stake at the next epochs.
        var alices = await AlphaAdded(await Included(_alice, new AddStake(Id(_hot[1]), one, new Rao(100 * Rao.PerTao))));
        await Included(_alice, new AddStake(Id(_hot[2]), one, new Rao(50 * Rao.PerTao)));
        await Included(_alice, new AddStake(Id(_hot[3]), one, new Rao(10 * Rao.PerTao)));
        var bobs = await AlphaAdded(await Included(_bob, new AddStake(Id(_hot[1]), one, new Rao(10 * Rao.PerTao))));
        Assert.InRange(bobs, 1UL, 10 * Rao.PerTao);
        await WaitForEpochs(one, 1);
        // The owner's hotkey (uid 0) holds a permit whatever its stake, and stake too (the owner cut and, before
        // anyone else staked, the validators' alpha): uid 2's permit depends on whether the owner's stake was above
        // it when the epoch ran, which the metagraph read after that epoch's payout cannot tell.
        var permitted = await Permitted(one);
        Assert.Contains(0, permitted);
        Assert.Contains(1, permitted);
        Assert.DoesNotContain(3, permitted);
        Assert.InRange(permitted.Length, 2, 3);
        Assert.True((await Neuron(one, 1)).GetProperty("stake").GetUInt64() >= alices + bobs);
        var nominators = (await Get("/api/subnets/1/neurons/1")).GetProperty("nominators").EnumerateArray().Select(n => n.GetProperty("coldkey").GetString()).ToList();
        Assert.Contains(Address(_bob), nominators);
        Assert.Contains((await Get($"/api/accounts/{Address(_bob)}")).GetProperty("stakes").EnumerateArray(), s => s.GetProperty("amount").GetUInt64() >= bobs);
        await Included(_alice, new AddStake(Id(_hot[3]), one, new Rao(200 * Rao.PerTao)));
        await WaitForEpochs(one, 1);
        Assert.Equal(new[] { 0, 1, 3 }, await Permitted(one));
        await Included(_alice, new RemoveStake(Id(_hot[3]), one, new Rao(5 * Rao.PerTao)));

        // Weights: a permitted validator sets them; one without a permit cannot; then the first hits the rate limit.
        await Included(_hot[1], new SetWeights(one, [4, 5], [1, 3], 0));
        Assert.Equal([[4, 21845], [5, 65535]], Rows((await Get("/api/subnets/1/neurons/1")).GetProperty("weights")));
        await Rejected(_hot[2], new SetWeights(one, [4, 5], [1, 1], 0), "NeuronNoValidatorPermit");
        await Rejected(_hot[3], new SetWeights(one, [4, 4], [1, 1], 0), "DuplicateUids");
        // A limit no busy machine outruns between two submissions.
        await Included(_alice, new SudoSetHyperparameter(one, "weights_rate_limit", 100));
        await Rejected(_hot[1], new SetWeights(one, [4, 5], [1, 1], 0), "SettingWeightsTooFast");

        // Commit-reveal: too early, wrong hash, on time, too late.
        await Included(_alice, new SudoSetHyperparameter(one, "commit_reveal_weights_enabled", 1));
        await Included(_alice, new SudoSetHyperparameter(one, "weights_rate_limit", 0));
        await Rejected(_hot[1], new SetWeights(one, [4], [1], 0), "CommitRevealEnabled");
        ushort[] uids = [4, 6], values = [30_000, 65_535], salt = [1, 2, 3];
        // Committed at an epoch's start, the early reveals below are tried well before the reveal epoch comes.
        await WaitUntilBlock(await EpochStart(one, Epoch(one, await Head()) + 1));
        var committedAt = await Included(_hot[1], new CommitWeights(one, WeightRules.CommitHash(Id(_hot[1]), one, uids, values, salt, 0)));
        await Rejected(_hot[1], new RevealWeights(one, uids, values, salt, 0), "RevealTooEarly");
        await Rejected(_hot[1], new RevealWeights(one, uids, values, [9, 9, 9], 0), "InvalidRevealCommitHashNotMatch");
        await WaitForRevealEpoch(one, committedAt);
        await Included(_hot[1], new RevealWeights(one, uids, values, salt, 0));
        Assert.Equal([[4, 30000], [6, 65535]], Rows((await Get("/api/subnets/1/neurons/1")).GetProperty("weights")));
        var lateAt = await Included(_hot[1], new CommitWeights(one, WeightRules.CommitHash(Id(_hot[1]), one, uids, values, salt, 7)));
        await WaitUntilBlock(await EpochStart(one, Epoch(one, lateAt) + 2));
        await Rejected(_hot[1], new RevealWeights(one, uids, values, salt, 7), "ExpiredWeightCommit");

        // An axon, then the serving rate limit.
        await Included(_hot[1], new ServeAxon(one, 1, 0x7F000001, 8091, 4, 4));
        var axon = (await Neuron(one, 1)).GetProperty("axon");
        Assert.Equal(("127.0.0.1", 8091), (axon.GetProperty("ip").GetString(), axon.GetProperty("port").GetInt32()));
        await Rejected(_hot[1], new ServeAxon(one, 1, 0x7F000001, 8092, 4, 4), "ServingRateLimitExceeded");

        // Bad input: a distinct error each, nothing changed.
        var charlieBefore = await Get($"/api/accounts/{Address(_charlie)}");
        var metagraphBefore = (await Get("/api/subnets/1/metagraph")).GetProperty("neurons").GetRawText();
        await Rejected(_alice, new BurnedRegister(new NetUid(99), Id(_hot[12])), "SubNetworkDoesNotExist");
        await Rejected(_bob, new BurnedRegister(two, Id(_hot[1])), "NonAssociatedColdKey");
        await Rejected(_bob, new SudoSetHyperparameter(one, "kappa", 1000), "NotSubnetOwner");
        await Rejected(_alice, new SudoSetHyperparameter(one, "tempo", 0), "ValueOutOfBounds");
        await Rejected(_alice, new SudoSetHyperparameter(one, "no_such_thing", 1), "UnknownHyperparameter");
        await Rejected(_charlie, new BurnedRegister(one, Id(_hot[12])), "NotEnoughBalanceToStake");
        await Rejected(_charlie, new AddStake(Id(_hot[1]), one, new Rao(Rao.PerTao)), "NotEnoughBalanceToStake");
        await Rejected(_alice, new RemoveStakeLimit(Id(_hot[2]), one, new Rao(1_000 * Rao.PerTao), 1_000, false), "NotEnoughStakeToWithdraw");
        Assert.Equal(charlieBefore.GetRawText(), (await Get($"/api/accounts/{Address(_charlie)}")).GetRawText());
        Assert.Equal(metagraphBefore, (await Get("/api/subnets/1/metagraph")).GetProperty("neurons").GetRawText());

        var metagraph = await Get("/api/subnets/1/metagraph");
        Assert.Equal(9, metagraph.GetProperty("neurons").GetArrayLength());
        await AssertIssuanceInvariant();
        await _node.StopAsync();
        var verified = ChainVerifier.Verify(_node.DataDir);
        Assert.True(verified.Valid, verified.Problem);
    }

    private static AccountId Id(Ed25519KeyPair key) => new(key.PublicKey);

    private static string Address(Ed25519KeyPair key) => Id(key).Address;

    private static int[][] Rows(JsonElement rows) => rows.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToArray();

    private Task<JsonElement> Get(string path) => _node.GetJsonAsync(path);

    private async Task<JsonElement> Neuron(NetUid netuid, int uid) =>
        (await Get($"/api/subnets/{netuid}/metagraph")).GetProperty("neurons")[uid];

    private async Task<int[]> Permitted(NetUid netuid) =>
        (await Get($"/api/subnets/{netuid}/metagraph")).GetProperty("neurons").EnumerateArray()
            .Where(n => n.GetProperty("validator_permit").GetBoolean()).Select(n => n.GetProperty("uid").GetInt32()).ToArray();

    private async Task<(int Status, JsonElement Body)> Submit(Ed25519KeyPair key, RuntimeCall call)
    {
        var account = await Get($"/api/accounts/{Address(key)}");
        var extrinsic = SignedExtrinsic.Create(key, call, account.GetProperty("next_nonce").GetUInt64(), Rao.Zero, _genesis, RuntimeVersion.SpecVersion);
        var (status, body) = await _node.PostExtrinsicAsync("0x" + Convert.ToHexStringLower(extrinsic.Encoded));
        return (status, body);
    }

    /// <summary>Submits, waits for the block, asserts success and the issuance invariant; returns the block number.</summary>
    private async Task<ulong> Included(Ed25519KeyPair key, RuntimeCall call)
    {
        var (status, body) = await Submit(key, call);
        Assert.True(status == 202, $"{call.Info.Name}: {body}");
        var included = await _node.WaitForInclusionAsync(body.GetProperty("hash").GetString()!);
        Assert.True(included.GetProperty("success").GetBoolean(), $"{call.Info.Name}: {included}");
        await AssertIssuanceInvariant();
        return included.GetProperty("block").GetUInt64();
    }

    private async Task Rejected(Ed25519KeyPair key, RuntimeCall call, string code)
    {
        var (status, body) = await Submit(key, call);
        var error = body.TryGetProperty("error", out var e) ? e.GetString() : null;
        Assert.True((400, code) == (status, error), $"{call.Info.Name}: expected {code}, got {status} {body}");
    }

    /// <summary>Dynamic TAO: locks are their pools' TAO and nothing is pending in TAO, so free + root stake + the pools' TAO is all of it.</summary>
    private async Task AssertIssuanceInvariant()
    {
        var issuance = await Get("/api/chain/issuance");
        Assert.Equal("dynamic", issuance.GetProperty("emission_model").GetString());
        Assert.Equal((0UL, 0UL), (issuance.GetProperty("locked").GetUInt64(), issuance.GetProperty("pending").GetUInt64()));
        Assert.Equal(issuance.GetProperty("total_issuance").GetUInt64(),
            issuance.GetProperty("free").GetUInt64() + issuance.GetProperty("staked").GetUInt64() + issuance.GetProperty("pool_tao").GetUInt64());
    }

    /// <summary>The alpha the block's StakeAdded event says the stake bought.</summary>
    private async Task<ulong> AlphaAdded(ulong block) =>
        (await Get($"/api/blocks/{block}")).GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("name").GetString() == "StakeAdded").GetProperty("fields").GetProperty("alpha").GetUInt64();

    private async Task<ulong> Head() => (await Get("/api/chain/head")).GetProperty("number").GetUInt64();

    private async Task WaitUntilBlock(ulong block)
    {
        for (var attempt = 0; attempt < 600 && await Head() < block; attempt++)
        {
            await Task.Delay(50);
        }
        Assert.True(await Head() >= block, $"block {block} not reached");
    }

    private static ulong Epoch(NetUid netuid, ulong block) => SubnetsModule.EpochIndex(block, netuid, 9);

    private static Task<ulong> EpochStart(NetUid netuid, ulong epoch) => Task.FromResult(epoch * 10 - (ulong)(netuid.Value + 1));

    private async Task WaitForEpochs(NetUid netuid, int count)
    {
        var head = await Head();
        await WaitUntilBlock(SubnetsModule.NextEpochBlock(head, netuid, 9) + (ulong)(10 * (count - 1)) + 1);
    }

    /// <summary>Waits for the first block of the reveal epoch, so the reveal lands well inside it.</summary>
    private async Task WaitForRevealEpoch(NetUid netuid, ulong committedAt) =>
        await WaitUntilBlock(await EpochStart(netuid, Epoch(netuid, committedAt) + 1));
}
