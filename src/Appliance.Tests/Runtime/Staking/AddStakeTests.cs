using Appliance.Primitives;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Staking;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Staking;

public sealed class AddStakeTests : IDisposable
{
    private readonly CallHarness _calls = new(EmissionModel.Classic);

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void AddStake_HotkeyWithoutAUid_HotKeyNotRegisteredInSubNet_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.HotKeyNotRegisteredInSubNet, _calls.Alice,
            new AddStake(CallHarness.Id(_calls.Key("//nobody")), _calls.NetUid, new Rao(Rao.PerTao)));

    [Fact]
    public void AddStake_BelowTheMinimum_AmountTooLow_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.AmountTooLow, _calls.Alice,
            new AddStake(CallHarness.Id(_calls.Owner), _calls.NetUid, StakingModule.MinStake - new Rao(1)));

    [Fact]
    public void AddStake_MoreThanFree_NotEnoughBalanceToStake_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.NotEnoughBalanceToStake, _calls.Key("//Bob"),
            new AddStake(CallHarness.Id(_calls.Owner), _calls.NetUid, new Rao(Rao.PerTao)));

    [Fact]
    public void AddStake_MovesFreeBalanceOntoTheHotkey()
    {
        var free = BalancesModule.Free(_calls.State, CallHarness.Id(_calls.Alice));

        _calls.Run(_calls.Alice, new AddStake(CallHarness.Id(_calls.Owner), _calls.NetUid, new Rao(10 * Rao.PerTao)));

        Assert.Equal(new Rao(10 * Rao.PerTao), StakingModule.OfHotkey(_calls.State, _calls.NetUid, CallHarness.Id(_calls.Owner)));
        Assert.Equal(free - new Rao(10 * Rao.PerTao), BalancesModule.Free(_calls.State, CallHarness.Id(_calls.Alice)));
    }
}
