using System.Security.Cryptography;

namespace Appliance.Axon;

/// <summary>
/// <c>computed_body_hash</c>: SHA3-256 of the raw body as lowercase hex without 0x. Bittensor hashes its
/// synapse's required fields; we hash the whole JSON body, which is what is sent and signed.
/// </summary>
public static class BodyHash
{
    /// <summary>.NET takes SHA3 from the platform (OpenSSL 1.1.1 or later on Linux); without it nothing can be verified.</summary>
    public static void EnsureSupported()
    {
        if (!SHA3_256.IsSupported)
        {
            throw new PlatformNotSupportedException(
                "SHA3-256 is not available on this platform (.NET needs OpenSSL 1.1.1 or later); the axon protocol's computed_body_hash cannot be made or checked.");
        }
    }

    public static string Compute(ReadOnlySpan<byte> body)
    {
        EnsureSupported();
        return Convert.ToHexStringLower(SHA3_256.HashData(body));
    }
}
