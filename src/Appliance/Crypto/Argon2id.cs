using System.Security.Cryptography;
using NSec.Cryptography;

namespace Appliance.Crypto;

/// <summary>
/// Password-based key derivation with Argon2id v1.3 through NSec. The cost keeps libsodium's
/// crypto_pwhash_argon2id units, which keyfiles record: opslimit is the number of passes (t), memlimit the
/// memory in bytes (m = memlimit / 1024 KiB, truncated as libsodium does), one lane.
/// </summary>
public static class Argon2id
{
    public const int SaltSize = 16;

    /// <summary>libsodium's "interactive" limits: 2 passes over 64 MiB.</summary>
    public static readonly Argon2idCost Interactive = new(2, 64 * 1024 * 1024);

    /// <summary>Fills <paramref name="key"/> (16 bytes or more) with the key derived from the password.</summary>
    public static void DeriveKey(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, Argon2idCost cost, Span<byte> key)
    {
        if (salt.Length != SaltSize)
        {
            throw new ArgumentException($"An Argon2id salt is {SaltSize} bytes, got {salt.Length}.", nameof(salt));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(key.Length, 16, nameof(key));
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = cost.MemLimit / 1024,
            NumberOfPasses = checked((long)cost.OpsLimit),
        });
        try
        {
            algorithm.DeriveBytes(password, salt, key);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException($"Argon2id failed: not enough memory for {cost.MemLimit} bytes.");
        }
    }
}

/// <summary>Argon2id work factors in libsodium's units: passes over memory and bytes of memory.</summary>
public readonly record struct Argon2idCost(ulong OpsLimit, long MemLimit);
