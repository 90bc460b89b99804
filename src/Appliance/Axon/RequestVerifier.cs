using Appliance.Primitives;

namespace Appliance.Axon;

/// <summary>A request that passed every check: its headers, its body, and how long it may take.</summary>
public sealed record VerifiedRequest(SynapseHeaders Headers, byte[] Body, TimeSpan Timeout);

/// <summary>
/// Bittensor's axon middleware order — parse, verify, blacklist — checked cheapest first: body within the
/// size limit (413), headers well formed (400), addressed to this axon (421), body hash (400), signature
/// (401), caller a permitted validator (403), nonce fresh (401). The nonce is recorded last, so only
/// signed requests from permitted validators enter the nonce table.
/// </summary>
public sealed class RequestVerifier(string axonHotkey, NetUid netuid, AxonLimits limits, IValidatorPermits permits, NonceGuard nonces)
{
    public async Task<(VerifiedRequest? Request, AxonRefusal? Refusal)> VerifyAsync(HttpRequest request, CancellationToken cancellation)
    {
        var body = await ReadBodyAsync(request, cancellation);
        if (body is null)
        {
            return (null, AxonRefusal.PayloadTooLarge(limits.MaxBodyBytes));
        }
        if (!SynapseHeaders.TryRead(request.Headers, out var headers, out var error))
        {
            return (null, AxonRefusal.MalformedHeaders(error));
        }
        if (headers!.AxonHotkey != axonHotkey)
        {
            return (null, AxonRefusal.WrongAxon(headers.AxonHotkey, axonHotkey));
        }
        var computed = BodyHash.Compute(body);
        if (computed != headers.BodyHash)
        {
            return (null, AxonRefusal.BodyHashMismatch(headers.BodyHash, computed));
        }
        if (!headers.SignatureIsValid())
        {
            return (null, AxonRefusal.BadSignature(headers.DendriteHotkey));
        }
        var permit = await permits.CheckAsync(netuid, headers.DendriteHotkey, cancellation);
        if (permit.Status != PermitStatus.Permitted)
        {
            return (null, permit.Status == PermitStatus.Unavailable ? AxonRefusal.PermitsUnavailable(permit.Detail) : AxonRefusal.Blacklisted(permit.Detail));
        }
        var timeout = headers.Timeout is { } asked ? (asked < limits.MaxTimeout ? asked : limits.MaxTimeout) : limits.DefaultTimeout;
        return nonces.TryAccept(headers, timeout) is { } replay ? (null, replay) : (new VerifiedRequest(headers, body, timeout), null);
    }

    /// <summary>
    /// The body, or null when it is over the limit. Kestrel lets through up to twice the limit
    /// (<see cref="AxonServer"/>), so a body a little too large is read to its end and refused with a 413 the
    /// client is sure to receive (closing on unread bytes can reset the connection before it reads the answer);
    /// Kestrel cuts off a far larger one.
    /// </summary>
    private async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        try
        {
            await request.Body.CopyToAsync(buffer, cancellation);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.Length > limits.MaxBodyBytes ? null : buffer.ToArray();
    }
}
