using Appliance.Primitives;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime;
using Appliance.Runtime.Staking;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Staking;

public sealed class RemoveStakeTests : IDisposable
{
    private readonly CallHarness _calls = new(EmissionModel.Classic);

    public RemoveStakeTests()
    {
        _calls.Run(_calls.Alice, new AddStake(CallHarness.Id(_calls.Owner), _calls.NetUid, new Rao(10 * Rao.PerTao)));
    }

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void RemoveStake_NoSuchSubnet_SubNetworkDoesNotExist_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.SubNetworkDoesNotExist, _calls.Alice, new RemoveStake(CallHarness.Id(_calls.Owner), new NetUid(9), new Rao(Rao.PerTao)));

    [Fact]
    public void RemoveStake_Zero_AmountTooLow_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.AmountTooLow, _calls.Alice, new RemoveStake(CallHarness.Id(_calls.Owner), _calls.NetUid, Rao.Zero));

    [Fact]
    public void RemoveStake_MoreThanStaked_NotEnoughStakeToWithdraw_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.NotEnoughStakeToWithdraw, _calls.Alice,
            new RemoveStake(CallHarness.Id(_calls.Owner), _calls.NetUid, new Rao(11 * Rao.PerTao)));

    [Fact]
    public void RemoveStake_All_ClearsTheEntryAndTheTotals()
    {
        _calls.Run(_calls.Alice, new RemoveStake(CallHarness.Id(_calls.Owner), _calls.NetUid, new Rao(10 * Rao.PerTao)));

        Assert.Empty(StakingModule.Stake.Iterate(_calls.State));
        Assert.Equal(Rao.Zero, StakingModule.Total(_calls.State));
    }
}
