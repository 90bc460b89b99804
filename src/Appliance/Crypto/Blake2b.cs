using System.Runtime.InteropServices;
using Appliance.Crypto.Native;

namespace Appliance.Crypto;

/// <summary>
/// BLAKE2b (RFC 7693) through libsodium's crypto_generichash_blake2b: digests of 1 to 64 bytes, keys of up
/// to 64 bytes (or none).
/// </summary>
public static class Blake2b
{
    public const int MinOutputSize = 1;
    public const int MaxOutputSize = 64;
    public const int MaxKeySize = 64;

    public static byte[] Hash(ReadOnlySpan<byte> data, int outputSize, ReadOnlySpan<byte> key = default)
    {
        var output = new byte[outputSize];
        Hash(data, output, key);
        return output;
    }

    public static byte[] Hash256(ReadOnlySpan<byte> data) => Hash(data, 32);

    public static byte[] Hash512(ReadOnlySpan<byte> data) => Hash(data, 64);

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> output, ReadOnlySpan<byte> key = default)
    {
        if (output.Length is < MinOutputSize or > MaxOutputSize)
        {
            throw new ArgumentException(
                $"BLAKE2b output size must be {MinOutputSize} to {MaxOutputSize} bytes, got {output.Length}.", nameof(output));
        }
        if (key.Length > MaxKeySize)
        {
            throw new ArgumentException($"A BLAKE2b key is at most {MaxKeySize} bytes, got {key.Length}.", nameof(key));
        }
        SodiumLibrary.EnsureInitialized();
        var status = LibSodium.crypto_generichash_blake2b(
            ref MemoryMarshal.GetReference(output), (nuint)output.Length,
            in MemoryMarshal.GetReference(data), (ulong)data.Length,
            in MemoryMarshal.GetReference(key), (nuint)key.Length);
        if (status != 0)
        {
            throw new InvalidOperationException($"crypto_generichash_blake2b failed ({status}).");
        }
    }
}
