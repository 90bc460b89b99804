using Appliance.Crypto;

namespace Appliance.Keys;

/// <summary>
/// Substrate's well-known development keys: its public dev phrase with a hard junction per name. They are
/// for local chains only; anyone can derive them. Ed25519 <c>//Alice</c> is
/// 5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu.
/// </summary>
public static class DevAccounts
{
    public const string DevPhrase = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

    /// <summary>Substrate's well-known development accounts, each <c>//Name</c> of the dev phrase.</summary>
    public static readonly IReadOnlyList<string> Names = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"];

    public static Ed25519KeyPair Alice() => FromUri("//Alice");

    public static Ed25519KeyPair Bob() => FromUri("//Bob");

    public static Ed25519KeyPair FromUri(string uri) => Ed25519KeyPair.FromSeed(SecretUri.Parse(uri).DeriveSeed());
}
