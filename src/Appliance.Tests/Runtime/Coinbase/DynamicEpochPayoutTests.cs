using Appliance.Chain.Genesis;
using Appliance.Crypto;
using Appliance.Primitives;
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
/// A dynamic subnet with a validator and a miner: every block mints 1 alpha into the owner, miner and validator
/// pots and TAO into the pool; at each epoch the pots are paid in alpha exactly — the owner cut staked to the
/// owner's hotkey, the miner's incentive to its hotkey, the validator's dividends to its hotkey (take) and its
/// nominator — and what no one earned is burned.
/// </summary>
public sealed class DynamicEpochPayoutTests : IDisposable
{
    private readonly TestChain _chain = new(GenesisConfig.Development(EmissionModel.Dynamic));
    private readonly NetUid _netuid = new(1);
    private readonly List<Ed25519KeyPair> _keys = [];

    public void Dispose()
    {
        _keys.ForEach(k => k.Dispose());
        _chain.Dispose();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Epochs_PayThePotsInAlpha_OwnerValidatorNominatorMiner_PoolGrowsWithTao(bool minerOfTheOwner)
    {
        var (owner, validator, miner, bob) = (Key("//owner"), Key("//validator"), Key("//miner"), Key("//Bob"));
        Submit(_chain.Alice, new RegisterNetwork(TestChain.Id(owner)));
        Submit(_chain.Alice, new TransferAllowDeath(TestChain.Id(bob), new Rao(1_000 * Rao.PerTao)));
        _chain.Seal();
        Submit(_chain.Alice, new StartCall(_netuid));
        foreach (var (name, value) in new[] { ("tempo", 9L), ("commit_reveal_weights_enabled", 0), ("weights_rate_limit", 0) })
        {
            Submit(_chain.Alice, new SudoSetHyperparameter(_netuid, name, value));
        }
        Submit(_chain.Alice, new BurnedRegister(_netuid, TestChain.Id(validator)));
        // The owner coldkey's own hotkeys earn no incentive (it is burned), as in subtensor.
        var minerColdkey = minerOfTheOwner ? _chain.Alice : bob;
        Submit(minerColdkey, new BurnedRegister(_netuid, TestChain.Id(miner)));
        _chain.Seal();
        Submit(_chain.Alice, new AddStake(TestChain.Id(validator), _netuid, new Rao(100 * Rao.PerTao)));
        Submit(bob, new AddStake(TestChain.Id(validator), _netuid, new Rao(100 * Rao.PerTao)));
        _chain.Seal();

        var epochs = 0;
        var poolTao = Read(s => SubnetPools.ReservesOf(s, _netuid).Tao);
        while (epochs < 4)
        {
            // Refused (no validator permit) until the first epoch has run.
            _chain.Submit(validator, new SetWeights(_netuid, [2], [65_535], 0));
            var stakesBefore = Read(s => (Owner: Stake(s, _chain.Alice, owner), Alice: Stake(s, _chain.Alice, validator), Bob: Stake(s, bob, validator), Miner: Stake(s, minerColdkey, miner)));
            var burnedBefore = Read(s => SubnetPools.BurnedAlpha.GetOrDefault(s, _netuid, Rao.Zero).Value);
            var block = _chain.Seal();
            if (block.Events.SingleOrDefault(e => e.Name == "EpochRun") is not { } epoch)
            {
                continue;
            }
            epochs++;
            Assert.Equal("alpha", (string?)epoch.Fields["unit"]);
            var (server, validatorPot, ownerCut) = ((ulong)epoch.Fields["pending_server"]!, (ulong)epoch.Fields["pending_validator"]!, (ulong)epoch.Fields["owner_cut"]!);
            var paid = epoch.Fields["emission"]!.AsArray().Select(v => (ulong)v!).ToArray();
            var after = Read(s => (Owner: Stake(s, _chain.Alice, owner), Alice: Stake(s, _chain.Alice, validator), Bob: Stake(s, bob, validator), Miner: Stake(s, minerColdkey, miner)));
            Assert.Equal(ownerCut, after.Owner - stakesBefore.Owner);
            Assert.Equal(paid[2], after.Miner - stakesBefore.Miner);
            Assert.Equal(paid[1], (after.Alice - stakesBefore.Alice) + (after.Bob - stakesBefore.Bob));
            Assert.True(after.Bob > stakesBefore.Bob && after.Alice - stakesBefore.Alice > after.Bob - stakesBefore.Bob, "the hotkey's owner gets its take on top of its share");
            Assert.Equal(server + validatorPot + ownerCut, ownerCut + paid.Aggregate(0UL, (a, b) => a + b) + (ulong)epoch.Fields["burned"]!);
            // The block's own coinbase adds its floor remainders (at most 3 rao) to the burned alpha too.
            Assert.InRange(Read(s => SubnetPools.BurnedAlpha.GetOrDefault(s, _netuid, Rao.Zero).Value) - burnedBefore - (ulong)epoch.Fields["burned"]!, 0UL, 3UL);
            var incentive = epoch.Fields["server_emission"]!.GetValue<ulong>();
            if (epochs > 1)
            {
                Assert.True(paid[1] > 0 && incentive > 0, $"epoch {epochs}: validator {paid[1]}, incentive {incentive}");
                Assert.Equal(minerOfTheOwner ? 0 : incentive, paid[2]);
                Assert.True(!minerOfTheOwner || (ulong)epoch.Fields["burned"]! >= incentive, "the owner's miner's incentive is burned");
            }
        }
        Assert.True(Read(s => SubnetPools.ReservesOf(s, _netuid).Tao) > poolTao, "the coinbase puts TAO into the pool");
        Assert.NotEqual(Rao.PerTao, Read(s => PoolSwap.PriceInRao(SubnetPools.Price(s, _netuid))));
    }

    private ulong Stake(Appliance.State.IStateReader state, Ed25519KeyPair coldkey, Ed25519KeyPair hotkey) =>
        StakingModule.Of(state, new StakeKey(TestChain.Id(coldkey), TestChain.Id(hotkey), _netuid)).Value;

    private T Read<T>(Func<Appliance.State.IStateReader, T> read)
    {
        using var state = _chain.Chain.OpenSnapshot();
        return read(state);
    }

    private void Submit(Ed25519KeyPair signer, Appliance.Runtime.RuntimeCall call) => Assert.True(_chain.Submit(signer, call).Accepted, call.Info.Name);

    private Ed25519KeyPair Key(string uri)
    {
        var key = TestChain.Key(uri);
        _keys.Add(key);
        return key;
    }
}
