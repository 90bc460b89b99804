using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Appliance.Crypto;
using Appliance.Keys;

namespace Appliance.Wallets;

/// <summary>
/// Keyfile contents and their encryption. Bittensor encrypts coldkeys with NaCl secretbox under a key from
/// a password hash ("$NACL" files, Argon2i with a fixed salt); ours uses Argon2id with a random salt per file
/// and records the parameters, plus a BLAKE2b checksum so a damaged file is told apart from a wrong password.
/// </summary>
public static class Keyfile
{
    public const string EncryptedFormat = "appliance-keyfile/1";
    private const string KdfName = "argon2id13";
    private const string CipherName = "xsalsa20poly1305";
    private const string CryptoType = "ed25519";
    private const ulong MinOpsLimit = 1;
    private const ulong MaxOpsLimit = 16;
    private const long MinMemLimit = 8 * 1024;
    private const long MaxMemLimit = 1024L * 1024 * 1024;

    public static KeyfileData Describe(Ed25519KeyPair key, string? phrase)
    {
        Span<byte> seed = stackalloc byte[Ed25519KeyPair.SeedSize];
        key.CopySeedTo(seed);
        var secretSeed = Hex(seed);
        CryptographicOperations.ZeroMemory(seed);
        var publicKey = Hex(key.PublicKey);
        return new KeyfileData(publicKey, publicKey, phrase, secretSeed, Ss58.Encode(key.PublicKey), CryptoType);
    }

    public static PublicKeyfileData DescribePublic(byte[] publicKey)
    {
        var hex = Hex(publicKey);
        return new PublicKeyfileData(hex, hex, Ss58.Encode(publicKey));
    }

    /// <summary>The key pair a keyfile holds; its seed must give the public key it claims.</summary>
    public static Ed25519KeyPair Open(KeyfileData data, string path)
    {
        if (data.CryptoType != CryptoType)
        {
            throw new WalletException(WalletError.KeyfileUnsupported, $"{path} holds a {data.CryptoType} key; this appliance uses only {CryptoType}.");
        }
        byte[] seed;
        try
        {
            seed = FromHex(data.SecretSeed);
        }
        catch (FormatException)
        {
            throw new WalletException(WalletError.KeyfileCorrupted, $"{path} holds a secretSeed that is not hex.");
        }
        if (seed.Length != Ed25519KeyPair.SeedSize)
        {
            throw new WalletException(WalletError.KeyfileCorrupted, $"{path} holds a {seed.Length}-byte seed, expected {Ed25519KeyPair.SeedSize}.");
        }
        var key = Ed25519KeyPair.FromSeed(seed);
        CryptographicOperations.ZeroMemory(seed);
        if (Ss58.Encode(key.PublicKey) != data.Ss58Address)
        {
            key.Dispose();
            throw new WalletException(WalletError.KeyfileMismatch, $"{path}: the secret seed does not give the address {data.Ss58Address} the file claims.");
        }
        return key;
    }

    public static EncryptedKeyfileData Encrypt(KeyfileData data, string password, Argon2idCost cost)
    {
        var salt = SecureRandom.Bytes(Argon2id.SaltSize);
        var nonce = SecureRandom.Bytes(SecretBox.NonceSize);
        Span<byte> key = stackalloc byte[SecretBox.KeySize];
        Argon2id.DeriveKey(Encoding.UTF8.GetBytes(password), salt, cost, key);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(data);
        var ciphertext = SecretBox.Seal(plaintext, nonce, key);
        CryptographicOperations.ZeroMemory(key);
        CryptographicOperations.ZeroMemory(plaintext);
        var unsigned = new EncryptedKeyfileData(
            EncryptedFormat, data.Ss58Address, KdfName, cost.OpsLimit, cost.MemLimit, Hex(salt), CipherName, Hex(nonce), Hex(ciphertext), "");
        return unsigned with { Checksum = Checksum(unsigned) };
    }

    public static KeyfileData Decrypt(EncryptedKeyfileData file, string password, string path)
    {
        if (file.Format != EncryptedFormat || file.Kdf != KdfName || file.Cipher != CipherName)
        {
            throw new WalletException(WalletError.KeyfileCorrupted, $"{path} is not an {EncryptedFormat} file (format '{file.Format}', kdf '{file.Kdf}', cipher '{file.Cipher}').");
        }
        if (file.Checksum != Checksum(file))
        {
            throw new WalletException(WalletError.KeyfileCorrupted, $"{path} fails its checksum: the file was modified or damaged.");
        }
        byte[] salt, nonce, ciphertext;
        try
        {
            (salt, nonce, ciphertext) = (FromHex(file.Salt), FromHex(file.Nonce), FromHex(file.Ciphertext));
        }
        catch (FormatException)
        {
            throw new WalletException(WalletError.KeyfileCorrupted, $"{path} holds fields that are not hex.");
        }
        if (salt.Length != Argon2id.SaltSize || nonce.Length != SecretBox.NonceSize || ciphertext.Length < SecretBox.MacSize
            || file.OpsLimit is < MinOpsLimit or > MaxOpsLimit || file.MemLimit is < MinMemLimit or > MaxMemLimit)
        {
            throw new WalletException(WalletError.KeyfileCorrupted,
                $"{path} has out-of-range parameters (salt {salt.Length} bytes, nonce {nonce.Length}, opslimit {file.OpsLimit}, memlimit {file.MemLimit}).");
        }
        Span<byte> key = stackalloc byte[SecretBox.KeySize];
        Argon2id.DeriveKey(Encoding.UTF8.GetBytes(password), salt, new Argon2idCost(file.OpsLimit, file.MemLimit), key);
        var opened = SecretBox.TryOpen(ciphertext, nonce, key, out var plaintext);
        CryptographicOperations.ZeroMemory(key);
        if (!opened)
        {
            throw new WalletException(WalletError.WrongPassword, $"the password does not decrypt {path}.");
        }
        var data = KeyfileJson.Deserialize<KeyfileData>(plaintext, path);
        CryptographicOperations.ZeroMemory(plaintext);
        if (data.Ss58Address != file.Ss58Address)
        {
            throw new WalletException(WalletError.KeyfileMismatch, $"{path} decrypts to {data.Ss58Address}, but its header names {file.Ss58Address}.");
        }
        return data;
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    public static byte[] FromHex(string hex) =>
        Convert.FromHexString(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex);

    private static string Checksum(EncryptedKeyfileData file)
    {
        var text = string.Join('|', file.Format, file.Ss58Address, file.Kdf, file.OpsLimit, file.MemLimit, file.Salt, file.Cipher, file.Nonce, file.Ciphertext);
        return Hex(Blake2b.Hash256(Encoding.UTF8.GetBytes(text)));
    }
}
