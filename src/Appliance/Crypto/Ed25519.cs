using System.Runtime.InteropServices;
using Appliance.Crypto.Native;

namespace Appliance.Crypto;

/// <summary>
/// An Ed25519 key pair (RFC 8032) made from a 32-byte seed, the form Substrate keeps as the secret.
/// The 64-byte secret key lives in sodium_malloc memory.
/// </summary>
public sealed class Ed25519KeyPair : IDisposable
{
    public const int SeedSize = 32;
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;
    private const int SecretKeySize = 64;

    private readonly SecureMemoryHandle _secretKey;
    private readonly SecureMemoryHandle _seed;

    private Ed25519KeyPair(SecureMemoryHandle secretKey, SecureMemoryHandle seed, byte[] publicKey)
    {
        _secretKey = secretKey;
        _seed = seed;
        PublicKey = publicKey;
    }

    public byte[] PublicKey { get; }

    public static Ed25519KeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"An Ed25519 seed is {SeedSize} bytes, got {seed.Length}.", nameof(seed));
        }
        var secretKey = SecureMemoryHandle.Allocate(SecretKeySize);
        var seedCopy = SecureMemoryHandle.Allocate(SeedSize);
        seed.CopyTo(seedCopy.Span);
        var publicKey = new byte[PublicKeySize];
        var status = LibSodium.crypto_sign_ed25519_seed_keypair(
            ref publicKey[0], ref MemoryMarshal.GetReference(secretKey.Span), in MemoryMarshal.GetReference(seed));
        if (status != 0)
        {
            secretKey.Dispose();
            seedCopy.Dispose();
            throw new InvalidOperationException($"crypto_sign_ed25519_seed_keypair failed ({status}).");
        }
        return new Ed25519KeyPair(secretKey, seedCopy, publicKey);
    }

    /// <summary>Copies the seed into <paramref name="destination"/>; callers that persist it encrypt it.</summary>
    public void CopySeedTo(Span<byte> destination) => _seed.Span.CopyTo(destination);

    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signature = new byte[SignatureSize];
        var status = LibSodium.crypto_sign_ed25519_detached(
            ref signature[0], out _, in MemoryMarshal.GetReference(message), (ulong)message.Length,
            in MemoryMarshal.GetReference(_secretKey.Span));
        return status == 0 ? signature : throw new InvalidOperationException($"crypto_sign_ed25519_detached failed ({status}).");
    }

    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || signature.Length != SignatureSize)
        {
            return false;
        }
        SodiumLibrary.EnsureInitialized();
        return LibSodium.crypto_sign_ed25519_verify_detached(
            in MemoryMarshal.GetReference(signature), in MemoryMarshal.GetReference(message), (ulong)message.Length,
            in MemoryMarshal.GetReference(publicKey)) == 0;
    }

    public void Dispose()
    {
        _secretKey.Dispose();
        _seed.Dispose();
    }
}
