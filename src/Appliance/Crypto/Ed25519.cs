using NSec.Cryptography;

namespace Appliance.Crypto;

/// <summary>
/// An Ed25519 key pair (RFC 8032) made from a 32-byte seed, the form Substrate keeps as the secret.
/// The secret key lives in an NSec <see cref="Key"/> (libsodium's guarded sodium_malloc memory); it is
/// created exportable only so that a keyfile can be written from it.
/// </summary>
public sealed class Ed25519KeyPair : IDisposable
{
    public const int SeedSize = 32;
    public const int PublicKeySize = 32;
    public const int SignatureSize = 64;

    private static readonly Ed25519 Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key;

    private Ed25519KeyPair(Key key)
    {
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    public byte[] PublicKey { get; }

    public static Ed25519KeyPair FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"An Ed25519 seed is {SeedSize} bytes, got {seed.Length}.", nameof(seed));
        }
        var exportable = new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
        return new Ed25519KeyPair(Key.Import(Algorithm, seed, KeyBlobFormat.RawPrivateKey, in exportable));
    }

    /// <summary>Copies the seed into <paramref name="destination"/>; callers that persist it encrypt it.</summary>
    public void CopySeedTo(Span<byte> destination)
    {
        if (!_key.TryExport(KeyBlobFormat.RawPrivateKey, destination, out var written) || written != SeedSize)
        {
            throw new ArgumentException($"An Ed25519 seed needs {SeedSize} bytes, got {destination.Length}.", nameof(destination));
        }
    }

    public byte[] Sign(ReadOnlySpan<byte> message) => Algorithm.Sign(_key, message);

    /// <summary>On transaction admission's hot path: one NSec PublicKey per call, nothing else allocated.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureSize
        && NSec.Cryptography.PublicKey.TryImport(Algorithm, publicKey, KeyBlobFormat.RawPublicKey, out var key)
        && Algorithm.Verify(key!, message, signature);

    public void Dispose() => _key.Dispose();
}
