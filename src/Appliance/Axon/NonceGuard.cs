using System.Collections.Concurrent;

namespace Appliance.Axon;

/// <summary>
/// Replay protection as in bittensor's Axon.default_verify: a nonce is the caller's clock in Unix
/// nanoseconds and must be newer than the last one accepted from the same dendrite (hotkey and uuid, which
/// are signed), and not older than now less ALLOWED_DELTA less the request's timeout. Bittensor checks the
/// age only on a dendrite's first request; we check it always, which lets entries older than the widest
/// window be dropped: any nonce they could refuse is refused as stale anyway.
/// </summary>
public sealed class NonceGuard(TimeProvider time, TimeSpan allowedDelta, TimeSpan maxTimeout)
{
    private readonly ConcurrentDictionary<(string Hotkey, string Uuid), ulong> _last = new();
    private DateTimeOffset _nextPrune = time.GetUtcNow() + allowedDelta + maxTimeout;

    public static ulong UnixNanoseconds(DateTimeOffset at) => checked((ulong)(at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100);

    /// <summary>Accepts and records the nonce atomically, so two requests with the same nonce cannot both pass.</summary>
    public AxonRefusal? TryAccept(SynapseHeaders headers, TimeSpan timeout)
    {
        var now = time.GetUtcNow();
        PruneIfDue(now);
        var allowed = allowedDelta + timeout;
        var nonce = headers.Nonce;
        if (nonce < Oldest(now, allowed))
        {
            return AxonRefusal.StaleNonce(nonce, TimeSpan.FromTicks((long)Math.Min((UnixNanoseconds(now) - nonce) / 100, long.MaxValue)), allowed);
        }
        var key = (headers.DendriteHotkey, headers.Uuid);
        while (true)
        {
            if (_last.TryGetValue(key, out var last))
            {
                if (nonce <= last)
                {
                    return AxonRefusal.ReplayedNonce(nonce, last);
                }
                if (_last.TryUpdate(key, nonce, last))
                {
                    return null;
                }
            }
            else if (_last.TryAdd(key, nonce))
            {
                return null;
            }
        }
    }

    private static ulong Oldest(DateTimeOffset now, TimeSpan allowed)
    {
        var nowNs = UnixNanoseconds(now);
        return nowNs - Math.Min(nowNs, (ulong)allowed.Ticks * 100);
    }

    private void PruneIfDue(DateTimeOffset now)
    {
        if (now < _nextPrune)
        {
            return;
        }
        _nextPrune = now + allowedDelta + maxTimeout;
        var oldest = Oldest(now, allowedDelta + maxTimeout);
        foreach (var entry in _last.Where(e => e.Value < oldest))
        {
            _last.TryRemove(entry);
        }
    }
}
