using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Balances;

public sealed class TransferAllowDeathTests : IDisposable
{
    private readonly CallHarness _calls = new();
    private readonly Ed25519KeyPair _bob;

    public TransferAllowDeathTests()
    {
        _bob = _calls.Key("//Bob");
    }

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void TransferAllowDeath_MoreThanFree_InsufficientBalance_StateUnchanged()
    {
        _calls.Fund(_bob, 1);

        _calls.AssertRefused(DispatchErrorCode.InsufficientBalance, _bob, new TransferAllowDeath(CallHarness.Id(_calls.Alice), new Rao(2 * Rao.PerTao)));
    }

    [Fact]
    public void TransferAllowDeath_DustToAnEmptyAccount_ExistentialDeposit_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.ExistentialDeposit, _calls.Alice, new TransferAllowDeath(CallHarness.Id(_bob), new Rao(499)));

    [Fact]
    public void TransferAllowDeath_Everything_ReapsTheSender()
    {
        _calls.Fund(_bob, 1);

        _calls.Run(_bob, new TransferAllowDeath(CallHarness.Id(_calls.Alice), new Rao(Rao.PerTao)));

        Assert.Equal(Rao.Zero, BalancesModule.Free(_calls.State, CallHarness.Id(_bob)));
    }
}
