using NSec.Cryptography;

namespace Appliance.Crypto;

/// <summary>
/// Unkeyed BLAKE2b (RFC 7693) through NSec: the 32-byte digest Substrate hashes with and the 64-byte one
/// SS58 takes its checksum from.
/// </summary>
public static class Blake2b
{
    public static byte[] Hash256(ReadOnlySpan<byte> data) => HashAlgorithm.Blake2b_256.Hash(data);

    public static byte[] Hash512(ReadOnlySpan<byte> data) => HashAlgorithm.Blake2b_512.Hash(data);
}
