using System.Text.Json.Serialization;

namespace Appliance.Wallets;

/// <summary>
/// A key in bittensor's keyfile JSON shape (accountId, publicKey, secretPhrase, secretSeed, ss58Address),
/// with cryptoType saying it is Ed25519: bittensor's own keys are sr25519 and cannot be read here.
/// </summary>
public sealed record KeyfileData(
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("publicKey")] string PublicKey,
    [property: JsonPropertyName("secretPhrase")] string? SecretPhrase,
    [property: JsonPropertyName("secretSeed")] string SecretSeed,
    [property: JsonPropertyName("ss58Address")] string Ss58Address,
    [property: JsonPropertyName("cryptoType")] string CryptoType);

/// <summary>coldkeypub.txt: the public half of the coldkey, readable without the password.</summary>
public sealed record PublicKeyfileData(
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("publicKey")] string PublicKey,
    [property: JsonPropertyName("ss58Address")] string Ss58Address);

/// <summary>The encrypted coldkey: Argon2id parameters, the secretbox nonce and ciphertext, and a checksum.</summary>
public sealed record EncryptedKeyfileData(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("ss58Address")] string Ss58Address,
    [property: JsonPropertyName("kdf")] string Kdf,
    [property: JsonPropertyName("opslimit")] ulong OpsLimit,
    [property: JsonPropertyName("memlimit")] long MemLimit,
    [property: JsonPropertyName("salt")] string Salt,
    [property: JsonPropertyName("cipher")] string Cipher,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("ciphertext")] string Ciphertext,
    [property: JsonPropertyName("checksum")] string Checksum);
