using System.Net;
using Appliance.Runtime;
using Appliance.Runtime.Serving;
using Appliance.Runtime.Subnets;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Serving;

public sealed class ServeAxonTests : IDisposable
{
    private static readonly UInt128 Loopback = AxonInfo.IpNumber(IPAddress.Loopback);

    private readonly CallHarness _calls = new();

    public void Dispose() => _calls.Dispose();

    [Fact]
    public void ServeAxon_HotkeyWithoutAUid_HotKeyNotRegisteredInSubNet_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.HotKeyNotRegisteredInSubNet, _calls.Key("//nobody"), Serve(Loopback, 8091, 4));

    [Fact]
    public void ServeAxon_IpTypeNeither4Nor6_InvalidIpType_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.InvalidIpType, _calls.Owner, Serve(Loopback, 8091, 5));

    [Fact]
    public void ServeAxon_IpZero_InvalidIpAddress_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.InvalidIpAddress, _calls.Owner, Serve(0, 8091, 4));

    [Fact]
    public void ServeAxon_PortZero_InvalidPort_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.InvalidPort, _calls.Owner, Serve(Loopback, 0, 4));

    [Fact]
    public void ServeAxon_AgainWithinTheRateLimit_ServingRateLimitExceeded_StateUnchanged()
    {
        _calls.Run(_calls.Owner, Serve(Loopback, 8091, 4));
        _calls.Block = 2;

        _calls.AssertRefused(DispatchErrorCode.ServingRateLimitExceeded, _calls.Owner, Serve(Loopback, 8092, 4));
    }

    [Fact]
    public void ServeAxon_RecordsTheEndpoint()
    {
        _calls.Run(_calls.Owner, Serve(Loopback, 8091, 4));

        Assert.True(ServingModule.Axons.TryGet(_calls.State, new SubnetAccountKey(_calls.NetUid, CallHarness.Id(_calls.Owner)), out var axon));
        Assert.Equal(("127.0.0.1", (ushort)8091), (axon.IpText, axon.Port));
    }

    private ServeAxon Serve(UInt128 ip, ushort port, byte ipType) => new(_calls.NetUid, 1, ip, port, ipType, 0);
}
