using Appliance.Axon;
using Appliance.Crypto;
using Appliance.Tests.Support;

namespace Appliance.Tests.Axon;

public sealed class NonceGuardTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(12);
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private readonly Ed25519KeyPair _validator = TestChain.Key("//Alice");
    private readonly NonceGuard _guard;

    public NonceGuardTests() => _guard = new NonceGuard(_clock, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(60));

    [Fact]
    public void TryAccept_IncreasingNonces_Accepted_RepeatOrOlderRefused()
    {
        var now = NonceGuard.UnixNanoseconds(_clock.Now);
        var uuid = Guid.NewGuid();

        Assert.Null(_guard.TryAccept(Headers(now, uuid), Timeout));
        Assert.Null(_guard.TryAccept(Headers(now + 1, uuid), Timeout));
        Assert.Equal("ReplayedNonce", _guard.TryAccept(Headers(now + 1, uuid), Timeout)?.Code);
        Assert.Equal("ReplayedNonce", _guard.TryAccept(Headers(now - 5, uuid), Timeout)?.Code);
        Assert.Null(_guard.TryAccept(Headers(now - 5, Guid.NewGuid()), Timeout));
    }

    [Fact]
    public void TryAccept_OlderThanDeltaPlusTimeout_RefusedAsStale()
    {
        var sixteenSecondsAgo = NonceGuard.UnixNanoseconds(_clock.Now.AddSeconds(-16.001));

        var refusal = _guard.TryAccept(Headers(sixteenSecondsAgo, Guid.NewGuid()), Timeout);

        Assert.Equal(("StaleNonce", 401), (refusal?.Code, refusal?.Status));
        Assert.Null(_guard.TryAccept(Headers(sixteenSecondsAgo + 2_000_000, Guid.NewGuid()), Timeout));
    }

    [Fact]
    public void TryAccept_AfterPruning_OldNoncesStillRefused()
    {
        var uuid = Guid.NewGuid();
        var then = NonceGuard.UnixNanoseconds(_clock.Now);
        Assert.Null(_guard.TryAccept(Headers(then, uuid), Timeout));

        _clock.Now = _clock.Now.AddMinutes(5);

        Assert.Equal("StaleNonce", _guard.TryAccept(Headers(then, uuid), Timeout)?.Code);
        Assert.Null(_guard.TryAccept(Headers(NonceGuard.UnixNanoseconds(_clock.Now), uuid), Timeout));
    }

    public void Dispose() => _validator.Dispose();

    private SynapseHeaders Headers(ulong nonce, Guid uuid) => SynapseHeaders.Sign(_validator, "5Axon", "{}"u8, nonce, uuid, Timeout);

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
