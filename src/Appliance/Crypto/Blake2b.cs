using NSec.Cryptography;

namespace Appliance.Crypto;

/// <summary>
/// Unkeyed BLAKE2b (RFC 7693) through NSec: the 32-byte digest Substrate hashes with and the 64-byte one
/// SS58 takes its checksum from.
/// </summary>
public static class Blake2b
{
    public const int Hash512Size = 64;

    public static byte[] Hash256(ReadOnlySpan<byte> data) => HashAlgorithm.Blake2b_256.Hash(data);

    public static byte[] Hash512(ReadOnlySpan<byte> data) => HashAlgorithm.Blake2b_512.Hash(data);

    /// <summary>Into a caller's 64-byte span: SS58 checksums every address of every transfer, without an array.</summary>
    public static void Hash512(ReadOnlySpan<byte> data, Span<byte> digest) => HashAlgorithm.Blake2b_512.Hash(data, digest);
}
