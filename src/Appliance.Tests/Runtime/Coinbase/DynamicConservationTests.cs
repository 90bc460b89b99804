using Appliance.Chain.Genesis;
using Appliance.Crypto;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Coinbase;

/// <summary>
/// 10,000 blocks of a dynamic chain with two subnets and root: random stakes, unstakes, limit orders, moves,
/// swaps across subnets and to root, transfers of stake, registrations and weights, sealed one by one.
/// After every block TestChain checks that free balances and pool TAO add up to issuance and that each
/// subnet's alpha outside its pool is exactly its stakes, pots, protocol and burned alpha; here each block's
/// change of TAO issuance must be what the coinbase minted less every fee burned, and each subnet's alpha
/// issuance must move by exactly what it minted less what it recycled.
/// </summary>
public sealed class DynamicConservationTests : IDisposable
{
    private readonly TestChain _chain = new(GenesisConfig.Development(EmissionModel.Dynamic));
    private readonly List<Ed25519KeyPair> _keys = [];
    private readonly NetUid[] _subnets = [new(1), new(2)];

    public void Dispose()
    {
        _keys.ForEach(k => k.Dispose());
        _chain.Dispose();
    }

    [Fact]
    public void TenThousandBlocks_RandomStakeMoves_TaoAndEveryAlphaConservedToTheRao()
    {
        var coldkeys = new[] { _chain.Alice, Key("//Bob"), Key("//Charlie"), Key("//Dave") };
        foreach (var coldkey in coldkeys.Skip(1))
        {
            Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(coldkey), new Rao(50_000 * Rao.PerTao)));
        }
        var owners = new[] { Key("//owner-1"), Key("//owner-2") };
        foreach (var owner in owners)
        {
            Submit(_chain.Alice, new RegisterNetwork(TestChain.Id(owner)));
            _chain.Seal();
        }
        foreach (var netuid in _subnets)
        {
            Submit(_chain.Alice, new StartCall(netuid));
            foreach (var (name, value) in new[] { ("tempo", 9L), ("commit_reveal_weights_enabled", 0), ("weights_rate_limit", 0), ("max_allowed_uids", 6),
                         ("immunity_period", 20), ("min_non_immune_uids", 0), ("max_allowed_validators", 3) })
            {
                Submit(_chain.Alice, new SudoSetHyperparameter(netuid, name, value));
            }
        }
        _chain.Seal();

        var hotkeys = owners.Concat(Enumerable.Range(0, 8).Select(i => Key($"//neuron//{i}"))).ToList();
        var random = new Random(19);
        var stakeMoves = 0;
        while (_chain.Chain.Head.Number < 10_000)
        {
            for (var op = random.Next(3); op > 0; op--)
            {
                stakeMoves += RandomOperation(random, coldkeys, hotkeys) ? 1 : 0;
            }
            var (issuance, alpha) = Issuances();
            var block = _chain.Seal();
            var (issuanceAfter, alphaAfter) = Issuances();
            Assert.Equal(issuance.Value + Minted(block) - Burned(block), issuanceAfter.Value);
            foreach (var netuid in _subnets)
            {
                Assert.Equal(alpha[netuid] + AlphaMinted(block, netuid), alphaAfter[netuid]);
            }
        }

        Assert.True(stakeMoves > 5_000, $"only {stakeMoves} stake operations were submitted");
        using (var state = _chain.Chain.OpenSnapshot())
        {
            foreach (var netuid in _subnets)
            {
                Assert.NotEqual(Rao.PerTao, PoolSwap.PriceInRao(SubnetPools.Price(state, netuid)));
                Assert.Contains(SubnetsModule.NeuronsOf(state, netuid), n => n.Dividends > 0);
            }
            Assert.True(SubnetPools.SubnetTao.GetOrDefault(state, SubnetPools.Root, Rao.Zero) > Rao.Zero);
        }
        var verified = ChainVerifier.Verify(_chain.DataDir);
        Assert.True(verified.Valid, verified.Problem);
    }

    /// <summary>Submits one random stake operation (or a registration or weights); true when it was a stake operation the pool admitted.</summary>
    private bool RandomOperation(Random random, Ed25519KeyPair[] coldkeys, List<Ed25519KeyPair> hotkeys)
    {
        var coldkey = coldkeys[random.Next(coldkeys.Length)];
        var hotkey = TestChain.Id(hotkeys[random.Next(hotkeys.Count)]);
        var netuid = random.Next(5) == 0 ? SubnetPools.Root : _subnets[random.Next(2)];
        var other = netuid == SubnetPools.Root ? _subnets[random.Next(2)] : random.Next(3) == 0 ? SubnetPools.Root : _subnets[1 - (netuid.Value - 1)];
        var staked = Staked(coldkey, hotkey, netuid);
        var part = new Rao(staked.Value / (ulong)random.Next(1, 4));
        var tao = new Rao((ulong)random.Next(1, 5_000) * (Rao.PerTao / 100));
        RuntimeCall call = random.Next(11) switch
        {
            0 or 1 => new AddStake(hotkey, netuid, tao),
            2 => new RemoveStake(hotkey, netuid, part),
            3 => new AddStakeLimit(hotkey, netuid, tao, (ulong)random.Next(900, 1_400) * 1_000_000, random.Next(2) == 0),
            4 => new RemoveStakeLimit(hotkey, netuid, part, (ulong)random.Next(700, 1_200) * 1_000_000, random.Next(2) == 0),
            5 => new MoveStake(hotkey, TestChain.Id(hotkeys[random.Next(hotkeys.Count)]), netuid, other, part),
            6 => new SwapStake(hotkey, netuid, other, part),
            7 => new TransferStake(TestChain.Id(coldkeys[random.Next(coldkeys.Length)]), hotkey, netuid, other, part),
            8 => new BurnedRegister(_subnets[random.Next(2)], TestChain.Id(hotkeys[random.Next(hotkeys.Count)])),
            _ => Weights(random, hotkeys),
        };
        var signer = call is BurnedRegister ? _chain.Alice : call is SetWeights ? hotkeys.First(h => TestChain.Id(h) == hotkey) : coldkey;
        return _chain.Submit(signer, call).Accepted && call is not (BurnedRegister or SetWeights);
    }

    private RuntimeCall Weights(Random random, List<Ed25519KeyPair> hotkeys)
    {
        var netuid = _subnets[random.Next(2)];
        using var state = _chain.Chain.OpenSnapshot();
        var n = SubnetsModule.Count(state, netuid);
        var uids = Enumerable.Range(0, n).Select(u => (ushort)u).ToList();
        return new SetWeights(netuid, uids, uids.Select(_ => (ushort)random.Next(0, 1_000)).ToList(), 0);
    }

    private void Submit(Ed25519KeyPair signer, RuntimeCall call) => Assert.True(_chain.Submit(signer, call).Accepted, call.Info.Name);

    private Rao Staked(Ed25519KeyPair coldkey, AccountId hotkey, NetUid netuid)
    {
        using var state = _chain.Chain.OpenSnapshot();
        return StakingModule.Of(state, new StakeKey(TestChain.Id(coldkey), hotkey, netuid));
    }

    private (Rao Tao, Dictionary<NetUid, ulong> Alpha) Issuances()
    {
        using var state = _chain.Chain.OpenSnapshot();
        return (BalancesModule.Issuance(state), _subnets.ToDictionary(n => n, n => SubnetPools.AlphaIssuance(state, n).Value));
    }

    private static ulong Minted(Appliance.Chain.SealedBlock block) =>
        Sum(block, "SubnetEmission", "tao_in") + Sum(block, "SubnetEmission", "excess_tao");

    /// <summary>Transaction fees and tips, TAO fees of buys through a pool (staking, registration), and dust of reaped accounts.</summary>
    private static ulong Burned(Appliance.Chain.SealedBlock block) =>
        Sum(block, "TransactionFeePaid", "actual_fee") + Sum(block, "TransactionFeePaid", "tip") + Sum(block, "StakeAdded", "fee")
        + Sum(block, "NeuronRegistered", "swap_fee") + Sum(block, "DustLost", "amount");

    private static ulong AlphaMinted(Appliance.Chain.SealedBlock block, NetUid netuid)
    {
        var minted = Sum(block, "SubnetEmission", "alpha_in", netuid) + Sum(block, "SubnetEmission", "alpha_out", netuid);
        return minted - Sum(block, "SubnetEmission", "root_alpha_recycled", netuid) - Sum(block, "NeuronRegistered", "alpha_recycled", netuid);
    }

    private static ulong Sum(Appliance.Chain.SealedBlock block, string name, string field, NetUid? netuid = null) => block.Events
        .Where(e => e.Name == name && (netuid is null || (ushort?)e.Fields["netuid"] == netuid.Value.Value) && e.Fields[field] is not null)
        .Aggregate(0UL, (sum, e) => sum + (ulong)e.Fields[field]!);

    private Ed25519KeyPair Key(string uri)
    {
        var key = TestChain.Key(uri);
        _keys.Add(key);
        return key;
    }
}
