using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Subnets;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Subnets;

public sealed class SudoSetHyperparameterTests : IDisposable
{
    private readonly CallHarness _calls = new();

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void SudoSetHyperparameter_NoSuchSubnet_SubNetworkDoesNotExist_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.SubNetworkDoesNotExist, _calls.Alice, new SudoSetHyperparameter(new NetUid(9), "tempo", 10));

    [Fact]
    public void SudoSetHyperparameter_ByAnotherColdkey_NotSubnetOwner_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.NotSubnetOwner, _calls.Key("//Bob"), new SudoSetHyperparameter(_calls.NetUid, "tempo", 10));

    [Fact]
    public void SudoSetHyperparameter_UnknownName_UnknownHyperparameter_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.UnknownHyperparameter, _calls.Alice, new SudoSetHyperparameter(_calls.NetUid, "no_such_parameter", 1));

    [Fact]
    public void SudoSetHyperparameter_OutsideItsBounds_ValueOutOfBounds_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.ValueOutOfBounds, _calls.Alice, new SudoSetHyperparameter(_calls.NetUid, "tempo", 0));

    [Fact]
    public void SudoSetHyperparameter_MinBurnAboveMaxBurn_InconsistentHyperparameters_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.InconsistentHyperparameters, _calls.Alice,
            new SudoSetHyperparameter(_calls.NetUid, "min_burn", 200 * (long)Rao.PerTao));

    [Fact]
    public void SudoSetHyperparameter_ByTheOwner_Sets()
    {
        _calls.Run(_calls.Alice, new SudoSetHyperparameter(_calls.NetUid, "tempo", 10));

        Assert.Equal(10, Hyperparameters.Get(_calls.State, _calls.NetUid, Hyperparameters.Tempo));
    }
}
