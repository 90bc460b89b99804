using Appliance.Chain.Genesis;
using Appliance.Chain;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime;

/// <summary>
/// 2,000 blocks of a living subnet — registrations (with pruning), staking, weights — sealed one by one.
/// TestChain checks after every block that free + staked + locked + pending equals issuance to the rao;
/// here every epoch's pot is checked against the emission accrued since the last epoch, and the pot against
/// what it paid plus what it carried over.
/// </summary>
public sealed class EmissionAccountingTests : IDisposable
{
    private readonly TestChain _chain = new(GenesisConfig.Development(EmissionModel.Classic));
    private readonly List<Appliance.Crypto.Ed25519KeyPair> _keys = [];

    public void Dispose()
    {
        _keys.ForEach(k => k.Dispose());
        _chain.Dispose();
    }

    [Fact]
    public void TwoThousandBlocks_IssuanceConserved_EpochPaysExactlyWhatAccrued()
    {
        var netuid = new NetUid(1);
        var owner = Key("//owner");
        Assert.True(_chain.Submit(_chain.Alice, new RegisterNetwork(TestChain.Id(owner))).Accepted);
        _chain.Seal();
        foreach (var (name, value) in new[] { ("tempo", 19L), ("commit_reveal_weights_enabled", 0), ("weights_rate_limit", 0), ("max_allowed_validators", 3),
                     ("max_allowed_uids", 8), ("immunity_period", 30), ("min_non_immune_uids", 0), ("burn_half_life", 50) })
        {
            Assert.True(_chain.Submit(_chain.Alice, new SudoSetHyperparameter(netuid, name, value)).Accepted, name);
        }
        _chain.Seal();

        var hotkeys = Enumerable.Range(0, 12).Select(i => Key($"//neuron//{i}")).ToList();
        var random = new Random(7);
        var epochs = 0;
        Rao expectedPot;
        using (var state = Snapshot())
        {
            expectedPot = CoinbaseModule.Pending(state, netuid);
        }
        var carriedIn = Rao.Zero;
        for (var block = _chain.Chain.Head.Number + 1; block <= 2_000; block++)
        {
            var step = block % 40;
            if (step == 1)
            {
                var hotkey = hotkeys[random.Next(hotkeys.Count)];
                _chain.Submit(_chain.Alice, new BurnedRegister(netuid, TestChain.Id(hotkey)));
            }
            else if (step == 5)
            {
                var registered = Registered(netuid);
                var target = registered[random.Next(registered.Count)];
                _chain.Submit(_chain.Alice, new AddStake(target, netuid, new Rao((ulong)random.Next(1, 50) * Rao.PerTao)));
            }
            else if (step is 9 or 29)
            {
                foreach (var validator in hotkeys.Where(h => IsPermitted(netuid, TestChain.Id(h))))
                {
                    var n = Registered(netuid).Count;
                    var uids = Enumerable.Range(0, n).Select(u => (ushort)u).ToList();
                    var values = uids.Select(_ => (ushort)random.Next(0, 1000)).ToList();
                    _chain.Submit(validator, new SetWeights(netuid, uids, values, 0));
                }
            }

            var issuanceBefore = _chain.Issuance();
            var sealedBlock = _chain.Seal();
            expectedPot += BlockEmission.ForIssuance(issuanceBefore);
            if (sealedBlock.Events.SingleOrDefault(e => e.Name == "EpochRun") is { } epoch)
            {
                epochs++;
                var pot = new Rao((ulong)epoch.Fields["pending"]!);
                var paid = epoch.Fields["emission"]!.AsArray().Aggregate(0UL, (sum, v) => sum + (ulong)v!);
                var ownerCut = (ulong)epoch.Fields["owner_cut"]!;
                var carried = (ulong)epoch.Fields["carried_over"]!;
                Assert.Equal(expectedPot, pot);
                Assert.Equal(pot.Value, ownerCut + paid + carried);
                Assert.Equal(CoinbaseModule.OwnerCutOf(pot - carriedIn).Value, ownerCut);
                expectedPot = new Rao(carried);
                carriedIn = expectedPot;
            }
        }

        Assert.Equal(2_000UL, _chain.Chain.Head.Number);
        Assert.True(epochs >= 99, $"only {epochs} epochs ran");
        using (var state = Snapshot())
        {
            var metagraph = SubnetsModule.NeuronsOf(state, netuid);
            Assert.Contains(metagraph, n => n.Incentive > 0);
            Assert.Contains(metagraph, n => n.Dividends > 0);
            Assert.True(StakingModule.Total(state) > Rao.Zero);
        }
        var verified = ChainVerifier.Verify(_chain.DataDir);
        Assert.True(verified.Valid, verified.Problem);
    }

    private Appliance.Crypto.Ed25519KeyPair Key(string uri)
    {
        var key = TestChain.Key(uri);
        _keys.Add(key);
        return key;
    }

    private IHeadState Snapshot() => _chain.Chain.OpenSnapshot();

    private List<AccountId> Registered(NetUid netuid)
    {
        using var state = Snapshot();
        return SubnetsModule.NeuronsOf(state, netuid).Select(n => n.Hotkey).ToList();
    }

    private bool IsPermitted(NetUid netuid, AccountId hotkey)
    {
        using var state = Snapshot();
        return SubnetsModule.TryGetUid(state, netuid, hotkey, out var uid) && SubnetsModule.Neuron(state, netuid, uid).ValidatorPermit;
    }
}
