using System.Runtime.InteropServices;
using Appliance.Crypto.Native;

namespace Appliance.Crypto;

/// <summary>
/// Authenticated encryption with libsodium's crypto_secretbox (XSalsa20-Poly1305), which keyfiles use and NSec
/// does not offer: called directly in the libsodium NSec loads.
/// </summary>
public static class SecretBox
{
    public const int KeySize = 32;
    public const int NonceSize = 24;
    public const int MacSize = 16;

    static SecretBox()
    {
        // Idempotent; NSec runs it too, but only once one of its algorithms is first used.
        if (LibSodium.sodium_init() < 0)
        {
            throw new InvalidOperationException("sodium_init failed: libsodium could not initialise.");
        }
    }

    public static byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        CheckSizes(nonce, key);
        var ciphertext = new byte[plaintext.Length + MacSize];
        var status = LibSodium.crypto_secretbox_easy(
            ref ciphertext[0], in MemoryMarshal.GetReference(plaintext), (ulong)plaintext.Length,
            in MemoryMarshal.GetReference(nonce), in MemoryMarshal.GetReference(key));
        return status == 0 ? ciphertext : throw new InvalidOperationException($"crypto_secretbox_easy failed ({status}).");
    }

    /// <summary>Decrypts and authenticates; returns false when the key is wrong or the bytes were altered.</summary>
    public static bool TryOpen(
        ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key, out byte[] plaintext)
    {
        CheckSizes(nonce, key);
        plaintext = [];
        if (ciphertext.Length < MacSize)
        {
            return false;
        }
        var output = new byte[ciphertext.Length - MacSize];
        var status = LibSodium.crypto_secretbox_open_easy(
            ref MemoryMarshal.GetReference(output.AsSpan()), in MemoryMarshal.GetReference(ciphertext),
            (ulong)ciphertext.Length, in MemoryMarshal.GetReference(nonce), in MemoryMarshal.GetReference(key));
        if (status != 0)
        {
            return false;
        }
        plaintext = output;
        return true;
    }

    private static void CheckSizes(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> key)
    {
        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException($"A secretbox nonce is {NonceSize} bytes, got {nonce.Length}.", nameof(nonce));
        }
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"A secretbox key is {KeySize} bytes, got {key.Length}.", nameof(key));
        }
    }
}
