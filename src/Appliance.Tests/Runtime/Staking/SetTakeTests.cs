using Appliance.Runtime;
using Appliance.Runtime.Staking;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Staking;

public sealed class SetTakeTests : IDisposable
{
    private readonly CallHarness _calls = new();

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void SetTake_HotkeyRegisteredNowhere_HotKeyAccountNotExists_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.HotKeyAccountNotExists, _calls.Alice, new SetTake(CallHarness.Id(_calls.Key("//nobody")), 1000, Increase: false));

    [Fact]
    public void SetTake_HotkeyOfAnotherColdkey_NonAssociatedColdKey_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.NonAssociatedColdKey, _calls.Key("//Bob"), new SetTake(CallHarness.Id(_calls.Owner), 1000, Increase: false));

    [Fact]
    public void SetTake_IncreaseNotAboveTheCurrent_DelegateTakeTooHigh_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.DelegateTakeTooHigh, _calls.Alice, new SetTake(CallHarness.Id(_calls.Owner), StakingModule.DefaultTake, Increase: true));

    [Fact]
    public void SetTake_DecreaseNotBelowTheCurrent_DelegateTakeTooLow_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.DelegateTakeTooLow, _calls.Alice, new SetTake(CallHarness.Id(_calls.Owner), StakingModule.DefaultTake, Increase: false));

    [Fact]
    public void SetTake_DecreaseThenIncrease_BackToTheMaximum()
    {
        _calls.Run(_calls.Alice, new SetTake(CallHarness.Id(_calls.Owner), 1000, Increase: false));
        Assert.Equal(1000, StakingModule.TakeOf(_calls.State, CallHarness.Id(_calls.Owner)));

        _calls.Run(_calls.Alice, new SetTake(CallHarness.Id(_calls.Owner), StakingModule.MaxTake, Increase: true));
        Assert.Equal(StakingModule.MaxTake, StakingModule.TakeOf(_calls.State, CallHarness.Id(_calls.Owner)));
    }
}
