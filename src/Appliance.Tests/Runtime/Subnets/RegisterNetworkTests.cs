using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Subnets;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Subnets;

public sealed class RegisterNetworkTests : IDisposable
{
    private readonly CallHarness _calls = new();
    private readonly Ed25519KeyPair _bob;

    public RegisterNetworkTests()
    {
        _bob = _calls.Key("//Bob");
    }

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void RegisterNetwork_HotkeyOfAnotherColdkey_NonAssociatedColdKey_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.NonAssociatedColdKey, _bob, new RegisterNetwork(CallHarness.Id(_calls.Owner)));

    [Fact]
    public void RegisterNetwork_BalanceBelowTheLockCost_NotEnoughBalanceToStake_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.NotEnoughBalanceToStake, _bob, new RegisterNetwork(CallHarness.Id(_calls.Key("//bob-hot"))));

    [Fact]
    public void RegisterNetwork_Second_TakesNetuid2_AndLocksTwiceTheLastLock()
    {
        _calls.Run(_calls.Alice, new RegisterNetwork(CallHarness.Id(_calls.Key("//second-hot"))));

        var subnet = SubnetsModule.Subnets.GetOrDefault(_calls.State, new NetUid(2), default);
        Assert.Equal(new Rao(2 * RegisterNetwork.MinLockCost.Value), subnet.Locked);
    }
}
