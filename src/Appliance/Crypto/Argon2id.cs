using System.Runtime.InteropServices;
using Appliance.Crypto.Native;

namespace Appliance.Crypto;

/// <summary>Password-based key derivation with Argon2id v1.3 (libsodium's crypto_pwhash_argon2id).</summary>
public static class Argon2id
{
    public const int SaltSize = 16;
    private const int AlgorithmArgon2id13 = 2;

    /// <summary>libsodium's "interactive" limits: 2 passes over 64 MiB.</summary>
    public static readonly Argon2idCost Interactive = new(2, 64 * 1024 * 1024);

    public static byte[] DeriveKey(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int keySize, Argon2idCost cost)
    {
        if (salt.Length != SaltSize)
        {
            throw new ArgumentException($"An Argon2id salt is {SaltSize} bytes, got {salt.Length}.", nameof(salt));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(keySize, 16);
        SodiumLibrary.EnsureInitialized();
        var key = new byte[keySize];
        var status = LibSodium.crypto_pwhash_argon2id(
            ref key[0], (ulong)keySize, in MemoryMarshal.GetReference(password), (ulong)password.Length,
            in MemoryMarshal.GetReference(salt), cost.OpsLimit, (nuint)cost.MemLimit, AlgorithmArgon2id13);
        if (status != 0)
        {
            throw new InvalidOperationException(
                $"Argon2id failed: not enough memory for {cost.MemLimit} bytes or limits out of range.");
        }
        return key;
    }
}

/// <summary>Argon2id work factors: passes over memory and bytes of memory.</summary>
public readonly record struct Argon2idCost(ulong OpsLimit, long MemLimit);
