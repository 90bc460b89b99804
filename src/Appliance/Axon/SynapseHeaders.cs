using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Appliance.Crypto;
using Appliance.Keys;

namespace Appliance.Axon;

/// <summary>
/// The headers bittensor's dendrite sends with every synapse, and the signed message
/// <c>{nonce}.{dendrite_hotkey}.{axon_hotkey}.{uuid}.{body_hash}</c> (bittensor.core.dendrite.preprocess_synapse_for_request).
/// The nonce is the caller's clock in Unix nanoseconds (time.time_ns); the signature is "0x" + hex of the
/// 64-byte Ed25519 signature (bittensor signs with sr25519). <c>timeout</c> is in seconds and, as in bittensor, not signed.
/// </summary>
public sealed record SynapseHeaders(string DendriteHotkey, ulong Nonce, string Uuid, string Signature, string AxonHotkey, string BodyHash, TimeSpan? Timeout)
{
    public const string DendriteHotkeyName = "bt_header_dendrite_hotkey";
    public const string NonceName = "bt_header_dendrite_nonce";
    public const string UuidName = "bt_header_dendrite_uuid";
    public const string SignatureName = "bt_header_dendrite_signature";
    public const string AxonHotkeyName = "bt_header_axon_hotkey";
    public const string BodyHashName = "computed_body_hash";
    public const string TimeoutName = "timeout";

    public string Message => $"{Nonce}.{DendriteHotkey}.{AxonHotkey}.{Uuid}.{BodyHash}";

    public static SynapseHeaders Sign(Ed25519KeyPair dendrite, string axonHotkey, ReadOnlySpan<byte> body, ulong nonce, Guid uuid, TimeSpan timeout)
    {
        var unsigned = new SynapseHeaders(Ss58.Encode(dendrite.PublicKey), nonce, uuid.ToString(), "", axonHotkey, Axon.BodyHash.Compute(body), timeout);
        return unsigned with { Signature = "0x" + Convert.ToHexStringLower(dendrite.Sign(Encoding.UTF8.GetBytes(unsigned.Message))) };
    }

    /// <summary>Whether the signature is the dendrite hotkey's over <see cref="Message"/>; only call on headers from <see cref="TryRead"/>.</summary>
    public bool SignatureIsValid() =>
        Ed25519KeyPair.Verify(Ss58.Decode(DendriteHotkey), Encoding.UTF8.GetBytes(Message), Convert.FromHexString(Signature.AsSpan(2)));

    public void WriteTo(HttpRequestHeaders headers)
    {
        headers.Add(DendriteHotkeyName, DendriteHotkey);
        headers.Add(NonceName, Nonce.ToString(CultureInfo.InvariantCulture));
        headers.Add(UuidName, Uuid);
        headers.Add(SignatureName, Signature);
        headers.Add(AxonHotkeyName, AxonHotkey);
        headers.Add(BodyHashName, BodyHash);
        if (Timeout is { } timeout)
        {
            headers.Add(TimeoutName, timeout.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Reads and checks the form of every header; the error names the first bad one and what was expected.</summary>
    public static bool TryRead(IHeaderDictionary headers, out SynapseHeaders? read, out string error)
    {
        read = null;
        foreach (var name in (string[])[DendriteHotkeyName, NonceName, UuidName, SignatureName, AxonHotkeyName, BodyHashName])
        {
            var count = headers[name].Count;
            if (count != 1 || string.IsNullOrEmpty(headers[name][0]))
            {
                error = count > 1 ? $"the {name} header is given {count} times." : $"the {name} header is missing or empty.";
                return false;
            }
        }
        string hotkey = headers[DendriteHotkeyName].ToString(), nonce = headers[NonceName].ToString(), uuid = headers[UuidName].ToString();
        string signature = headers[SignatureName].ToString(), bodyHash = headers[BodyHashName].ToString();
        error = Problem(hotkey, nonce, uuid, signature, bodyHash) ?? "";
        TimeSpan? timeout = null;
        if (error.Length == 0 && headers.TryGetValue(TimeoutName, out var timeoutText) && !TryParseTimeout(timeoutText.ToString(), out timeout))
        {
            error = $"{TimeoutName} must be a positive number of seconds, got '{timeoutText}'.";
        }
        if (error.Length > 0)
        {
            return false;
        }
        read = new SynapseHeaders(hotkey, ulong.Parse(nonce, CultureInfo.InvariantCulture), uuid, signature, headers[AxonHotkeyName].ToString(),
            bodyHash.ToLowerInvariant(), timeout);
        return true;
    }

    private static string? Problem(string hotkey, string nonce, string uuid, string signature, string bodyHash)
    {
        if (!Ss58.TryDecode(hotkey, out _, out _, out var ss58Error))
        {
            return $"{DendriteHotkeyName}: {ss58Error}";
        }
        if (!ulong.TryParse(nonce, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return $"{NonceName} must be the caller's clock in Unix nanoseconds, got '{nonce}'.";
        }
        if (!Guid.TryParse(uuid, out _))
        {
            return $"{UuidName} must be a UUID, got '{uuid}'.";
        }
        if (!signature.StartsWith("0x", StringComparison.Ordinal) || !IsHex(signature.AsSpan(2), Ed25519KeyPair.SignatureSize))
        {
            return $"{SignatureName} must be 0x and {2 * Ed25519KeyPair.SignatureSize} hex digits (an Ed25519 signature), got '{signature}'.";
        }
        return IsHex(bodyHash, 32) ? null : $"{BodyHashName} must be 64 hex digits (SHA3-256 of the body), got '{bodyHash}'.";
    }

    private static bool TryParseTimeout(string text, out TimeSpan? timeout)
    {
        var valid = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds > 0 && seconds < TimeSpan.MaxValue.TotalSeconds;
        timeout = valid ? TimeSpan.FromSeconds(seconds) : null;
        return valid;
    }

    private static bool IsHex(ReadOnlySpan<char> text, int bytes) => text.Length == 2 * bytes && !text.ContainsAnyExcept("0123456789abcdefABCDEF");
}
