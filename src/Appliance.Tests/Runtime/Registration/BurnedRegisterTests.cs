using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Subnets;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Registration;

public sealed class BurnedRegisterTests : IDisposable
{
    private readonly CallHarness _calls = new(EmissionModel.Classic);
    private readonly Ed25519KeyPair _bob;
    private readonly Ed25519KeyPair _hotkey;

    public BurnedRegisterTests()
    {
        _bob = _calls.Key("//Bob");
        _hotkey = _calls.Key("//miner-hot");
    }

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void BurnedRegister_NoSuchSubnet_SubNetworkDoesNotExist_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.SubNetworkDoesNotExist, _calls.Alice, new BurnedRegister(new NetUid(9), CallHarness.Id(_hotkey)));

    [Fact]
    public void BurnedRegister_RegistrationOff_SubNetRegistrationDisabled_StateUnchanged()
    {
        _calls.Set(Hyperparameters.RegistrationAllowed, 0);

        _calls.AssertRefused(DispatchErrorCode.SubNetRegistrationDisabled, _calls.Alice, new BurnedRegister(_calls.NetUid, CallHarness.Id(_hotkey)));
    }

    [Fact]
    public void BurnedRegister_HotkeyHoldsAUid_HotKeyAlreadyRegisteredInSubNet_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.HotKeyAlreadyRegisteredInSubNet, _calls.Alice, new BurnedRegister(_calls.NetUid, CallHarness.Id(_calls.Owner)));

    [Fact]
    public void BurnedRegister_BalanceBelowTheBurn_NotEnoughBalanceToStake_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.NotEnoughBalanceToStake, _bob, new BurnedRegister(_calls.NetUid, CallHarness.Id(_hotkey)));

    [Fact]
    public void BurnedRegister_HotkeyOfAnotherColdkey_NonAssociatedColdKey_StateUnchanged()
    {
        var alicesHotkey = _calls.Key("//second-hot");
        _calls.Run(_calls.Alice, new RegisterNetwork(CallHarness.Id(alicesHotkey)));
        _calls.Fund(_bob, 10);

        _calls.AssertRefused(DispatchErrorCode.NonAssociatedColdKey, _bob, new BurnedRegister(_calls.NetUid, CallHarness.Id(alicesHotkey)));
    }

    [Fact]
    public void BurnedRegister_FullOfImmortalUids_NoNeuronIdAvailable_StateUnchanged()
    {
        _calls.Set(Hyperparameters.MaxAllowedValidators, 1);
        _calls.Set(Hyperparameters.MaxAllowedUids, 1);

        _calls.AssertRefused(DispatchErrorCode.NoNeuronIdAvailable, _calls.Alice, new BurnedRegister(_calls.NetUid, CallHarness.Id(_hotkey)));
    }

    [Fact]
    public void BurnedRegister_Appends_BurnsThePrice_RaisesIt()
    {
        var issuance = BalancesModule.Issuance(_calls.State);

        _calls.Run(_calls.Alice, new BurnedRegister(_calls.NetUid, CallHarness.Id(_hotkey)));

        Assert.True(SubnetsModule.TryGetUid(_calls.State, _calls.NetUid, CallHarness.Id(_hotkey), out var uid));
        Assert.Equal(new Uid(1), uid);
        Assert.Equal(issuance - RegisterNetwork.InitialBurn, BalancesModule.Issuance(_calls.State));
        Assert.True(SubnetsModule.Burn.GetOrDefault(_calls.State, _calls.NetUid, Rao.Zero) > RegisterNetwork.InitialBurn);
    }
}
