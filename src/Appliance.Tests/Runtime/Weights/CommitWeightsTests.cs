using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Weights;

public sealed class CommitWeightsTests : IDisposable
{
    private readonly CallHarness _calls = new();

    public CommitWeightsTests()
    {
        _calls.Set(Hyperparameters.WeightsRateLimit, 0);
    }

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void CommitWeights_NoSuchSubnet_SubNetworkDoesNotExist_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.SubNetworkDoesNotExist, _calls.Owner, new CommitWeights(new NetUid(9), Hash(0)));

    [Fact]
    public void CommitWeights_CommitRevealOff_CommitRevealDisabled_StateUnchanged()
    {
        _calls.Set(Hyperparameters.CommitRevealWeightsEnabled, 0);

        _calls.AssertRefused(DispatchErrorCode.CommitRevealDisabled, _calls.Owner, Commit(0));
    }

    [Fact]
    public void CommitWeights_HotkeyWithoutAUid_HotKeyNotRegisteredInSubNet_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.HotKeyNotRegisteredInSubNet, _calls.Key("//nobody"), Commit(0));

    [Fact]
    public void CommitWeights_WithinTheRateLimit_CommittingWeightsTooFast_StateUnchanged()
    {
        _calls.Set(Hyperparameters.WeightsRateLimit, 100);

        _calls.AssertRefused(DispatchErrorCode.CommittingWeightsTooFast, _calls.Owner, Commit(0));
    }

    [Fact]
    public void CommitWeights_AnEleventhUnrevealed_TooManyUnrevealedCommits_StateUnchanged()
    {
        for (byte i = 0; i < WeightsModule.MaxUnrevealedCommits; i++)
        {
            _calls.Run(_calls.Owner, Commit(i));
        }

        _calls.AssertRefused(DispatchErrorCode.TooManyUnrevealedCommits, _calls.Owner, Commit(10));
    }

    [Fact]
    public void CommitWeights_QueuesTheHash_ForTheCurrentEpoch()
    {
        _calls.Run(_calls.Owner, Commit(0));

        var queue = WeightsModule.Commits.GetOrDefault(_calls.State, new SubnetAccountKey(_calls.NetUid, CallHarness.Id(_calls.Owner)), CommitQueue.Empty);
        Assert.Equal(Hash(0), Assert.Single(queue.Items).Hash);
    }

    private CommitWeights Commit(byte seed) => new(_calls.NetUid, Hash(seed));

    private static Hash256 Hash(byte seed) => Hash256.Of([seed]);
}
