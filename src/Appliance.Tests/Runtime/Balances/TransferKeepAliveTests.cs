using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Balances;

public sealed class TransferKeepAliveTests : IDisposable
{
    private readonly CallHarness _calls = new();
    private readonly Ed25519KeyPair _bob;

    public TransferKeepAliveTests()
    {
        _bob = _calls.Key("//Bob");
        _calls.Fund(_bob, 1);
    }

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void TransferKeepAlive_LeavingLessThanTheDeposit_Expendability_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.Expendability, _bob, new TransferKeepAlive(CallHarness.Id(_calls.Alice), new Rao(Rao.PerTao - 100)));

    [Fact]
    public void TransferKeepAlive_LeavingTheDeposit_Moves()
    {
        _calls.Run(_bob, new TransferKeepAlive(CallHarness.Id(_calls.Alice), new Rao(Rao.PerTao) - BalancesModule.ExistentialDeposit));

        Assert.Equal(BalancesModule.ExistentialDeposit, BalancesModule.Free(_calls.State, CallHarness.Id(_bob)));
    }
}
