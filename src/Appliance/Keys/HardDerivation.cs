using Appliance.Crypto;

namespace Appliance.Keys;

/// <summary>
/// Substrate's Ed25519 hard derivation (sp-core ed25519::derive_hard_junction): the child seed is
/// BLAKE2b-256(SCALE("Ed25519HDKD") ‖ seed ‖ chain code). Ed25519 has no soft derivation.
/// </summary>
public static class HardDerivation
{
    private static readonly byte[] Domain = [.. DeriveJunction.CompactLength(11), .. "Ed25519HDKD"u8];

    public static byte[] DeriveEd25519(ReadOnlySpan<byte> seed, DeriveJunction junction)
    {
        if (seed.Length != Ed25519KeyPair.SeedSize)
        {
            throw new ArgumentException($"An Ed25519 seed is {Ed25519KeyPair.SeedSize} bytes, got {seed.Length}.", nameof(seed));
        }
        if (!junction.IsHard)
        {
            throw new FormatException("SoftDerivationUnsupported: Ed25519 keys derive only hard junctions ('//name'), not soft ones ('/name').");
        }
        return Blake2b.Hash256([.. Domain, .. seed, .. junction.ChainCode]);
    }
}
