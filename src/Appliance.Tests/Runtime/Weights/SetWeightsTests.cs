using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Weights;

/// <summary>set_weights' checks, each failing on its own (spec §8.1); the owner's hotkey is uid 0, a miner uid 1.</summary>
public sealed class SetWeightsTests : IDisposable
{
    private readonly CallHarness _calls = new();
    private readonly Ed25519KeyPair _miner;

    public SetWeightsTests()
    {
        _calls.Set(Hyperparameters.CommitRevealWeightsEnabled, 0);
        _calls.Set(Hyperparameters.WeightsRateLimit, 0);
        _miner = _calls.Register("//miner-hot");
    }

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void SetWeights_CommitRevealOn_CommitRevealEnabled_StateUnchanged()
    {
        _calls.Set(Hyperparameters.CommitRevealWeightsEnabled, 1);

        _calls.AssertRefused(DispatchErrorCode.CommitRevealEnabled, _calls.Owner, Weights([0, 1], [1, 1]));
    }

    [Fact]
    public void SetWeights_MoreUidsThanValues_WeightVecNotEqualSize_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.WeightVecNotEqualSize, _calls.Owner, Weights([0, 1], [1]));

    [Fact]
    public void SetWeights_NoSuchSubnet_SubNetworkDoesNotExist_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.SubNetworkDoesNotExist, _calls.Owner, new SetWeights(new NetUid(9), [0], [1], 0));

    [Fact]
    public void SetWeights_MoreUidsThanTheSubnetHas_UidsLengthExceedUidsInSubNet_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.UidsLengthExceedUidsInSubNet, _calls.Owner, Weights([0, 1, 2], [1, 1, 1]));

    [Fact]
    public void SetWeights_HotkeyWithoutAUid_HotKeyNotRegisteredInSubNet_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.HotKeyNotRegisteredInSubNet, _calls.Key("//nobody"), Weights([0], [1]));

    [Fact]
    public void SetWeights_StakeBelowTheThreshold_NotEnoughStakeToSetWeights_StateUnchanged()
    {
        _calls.Set(Hyperparameters.StakeThreshold, (long)Rao.PerTao);

        _calls.AssertRefused(DispatchErrorCode.NotEnoughStakeToSetWeights, _miner, Weights([1], [1]));
    }

    [Fact]
    public void SetWeights_OlderVersionKey_IncorrectWeightVersionKey_StateUnchanged()
    {
        _calls.Set(Hyperparameters.WeightsVersionKey, 5);

        _calls.AssertRefused(DispatchErrorCode.IncorrectWeightVersionKey, _calls.Owner, new SetWeights(_calls.NetUid, [0, 1], [1, 1], 4));
    }

    [Fact]
    public void SetWeights_WithinTheRateLimit_SettingWeightsTooFast_StateUnchanged()
    {
        _calls.Set(Hyperparameters.WeightsRateLimit, 100);

        _calls.AssertRefused(DispatchErrorCode.SettingWeightsTooFast, _calls.Owner, Weights([0, 1], [1, 1]));
    }

    [Fact]
    public void SetWeights_OnOthersWithoutAPermit_NeuronNoValidatorPermit_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.NeuronNoValidatorPermit, _miner, Weights([0, 1], [1, 1]));

    [Fact]
    public void SetWeights_AUidTwice_DuplicateUids_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.DuplicateUids, _calls.Owner, Weights([1, 1], [1, 1]));

    [Fact]
    public void SetWeights_AUidTheSubnetLacks_UidVecContainInvalidOne_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.UidVecContainInvalidOne, _calls.Owner, Weights([0, 5], [1, 1]));

    [Fact]
    public void SetWeights_FewerThanTheMinimum_WeightVecLengthIsLow_StateUnchanged()
    {
        _calls.Set(Hyperparameters.MinAllowedWeights, 2);

        _calls.AssertRefused(DispatchErrorCode.WeightVecLengthIsLow, _calls.Owner, Weights([1], [1]));
    }

    [Fact]
    public void SetWeights_ByTheOwner_StoresTheRowMaxUpscaled()
    {
        _calls.Run(_calls.Owner, Weights([0, 1], [1, 2]));

        Assert.Equal([(0, 32_768), (1, 65_535)], WeightsModule.WeightsOf(_calls.State, _calls.NetUid, new Uid(0)).Entries);
    }

    private SetWeights Weights(ushort[] uids, ushort[] values) => new(_calls.NetUid, uids, values, 0);
}
