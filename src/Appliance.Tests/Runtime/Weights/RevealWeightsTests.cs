using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Weights;

/// <summary>
/// With tempo 9 subnet 1's epoch is (block + 2) div 10: a commit at block 10 (epoch 1) is revealed in epoch 2,
/// blocks 18 to 27; before that it is too early, after it expired.
/// </summary>
public sealed class RevealWeightsTests : IDisposable
{
    private readonly CallHarness _calls = new();

    public RevealWeightsTests()
    {
        _calls.Set(Hyperparameters.Tempo, 9);
        _calls.Set(Hyperparameters.WeightsRateLimit, 0);
    }

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void RevealWeights_CommitRevealOff_CommitRevealDisabled_StateUnchanged()
    {
        _calls.Set(Hyperparameters.CommitRevealWeightsEnabled, 0);

        _calls.AssertRefused(DispatchErrorCode.CommitRevealDisabled, _calls.Owner, Reveal(salt: 7));
    }

    [Fact]
    public void RevealWeights_NothingCommitted_NoWeightsCommitFound_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.NoWeightsCommitFound, _calls.Owner, Reveal(salt: 7));

    [Fact]
    public void RevealWeights_OtherSalt_InvalidRevealCommitHashNotMatch_StateUnchanged()
    {
        CommitAtBlock10();
        _calls.Block = 20;

        _calls.AssertRefused(DispatchErrorCode.InvalidRevealCommitHashNotMatch, _calls.Owner, Reveal(salt: 8));
    }

    [Fact]
    public void RevealWeights_InTheCommitEpoch_RevealTooEarly_StateUnchanged()
    {
        CommitAtBlock10();
        _calls.Block = 17;

        _calls.AssertRefused(DispatchErrorCode.RevealTooEarly, _calls.Owner, Reveal(salt: 7));
    }

    [Fact]
    public void RevealWeights_AfterTheRevealEpoch_ExpiredWeightCommit_StateUnchanged()
    {
        CommitAtBlock10();
        _calls.Block = 28;

        _calls.AssertRefused(DispatchErrorCode.ExpiredWeightCommit, _calls.Owner, Reveal(salt: 7));
    }

    [Fact]
    public void RevealWeights_InTheRevealEpoch_StoresTheWeights_AndDropsTheCommit()
    {
        CommitAtBlock10();
        _calls.Block = 18;

        _calls.Run(_calls.Owner, Reveal(salt: 7));

        Assert.Equal([(0, 65_535)], WeightsModule.WeightsOf(_calls.State, _calls.NetUid, new Uid(0)).Entries);
        Assert.False(WeightsModule.Commits.Contains(_calls.State, new SubnetAccountKey(_calls.NetUid, CallHarness.Id(_calls.Owner))));
    }

    private void CommitAtBlock10()
    {
        _calls.Block = 10;
        var hash = WeightRules.CommitHash(CallHarness.Id(_calls.Owner), _calls.NetUid, [0], [1], [7], 0);
        _calls.Run(_calls.Owner, new CommitWeights(_calls.NetUid, hash));
    }

    private RevealWeights Reveal(ushort salt) => new(_calls.NetUid, [0], [1], [salt], 0);
}
