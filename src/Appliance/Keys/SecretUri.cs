using System.Text.RegularExpressions;

namespace Appliance.Keys;

/// <summary>
/// Substrate's secret URI (sp-core SecretUri): <c>PHRASE//hard/soft///password</c>. The phrase is a BIP39
/// mnemonic or a 0x-prefixed 32-byte hex seed; when it is left out (<c>//Alice</c>) it is the well-known
/// development phrase. Only hard junctions apply to Ed25519.
/// </summary>
public sealed partial record SecretUri(string Phrase, IReadOnlyList<DeriveJunction> Junctions, string Password)
{
    [GeneratedRegex(@"^(?<phrase>[^/]*?)\s*(?<path>(//?[^/]+)*)(///(?<password>.*))?$", RegexOptions.Singleline)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"/(?<hard>/?)(?<code>[^/]+)")]
    private static partial Regex JunctionPattern();

    public static SecretUri Parse(string uri)
    {
        var match = Pattern().Match(uri);
        if (!match.Success)
        {
            throw new FormatException("InvalidSecretUri: expected PHRASE//path///password, e.g. '//Alice' or 'word1 … word12//hotkey'.");
        }
        var phrase = match.Groups["phrase"].Value.Trim();
        var junctions = JunctionPattern().Matches(match.Groups["path"].Value)
            .Select(j => DeriveJunction.Parse(j.Groups["code"].Value, isHard: j.Groups["hard"].Value.Length > 0))
            .ToList();
        return new SecretUri(
            phrase.Length == 0 ? DevAccounts.DevPhrase : phrase,
            junctions,
            match.Groups["password"].Success ? match.Groups["password"].Value : "");
    }

    /// <summary>The Ed25519 seed this URI names: the phrase's mini secret (or hex seed), then each junction.</summary>
    public byte[] DeriveSeed()
    {
        var seed = Phrase.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? ParseHexSeed(Phrase) : Mnemonic.ToMiniSecret(Phrase, Password);
        foreach (var junction in Junctions)
        {
            seed = HardDerivation.DeriveEd25519(seed, junction);
        }
        return seed;
    }

    private static byte[] ParseHexSeed(string phrase)
    {
        var hex = phrase[2..];
        if (hex.Length != Mnemonic.MiniSecretSize * 2 || !hex.All(Uri.IsHexDigit))
        {
            throw new FormatException($"InvalidSecretUri: a hex seed is 0x and {Mnemonic.MiniSecretSize * 2} hex digits, got '{phrase}'.");
        }
        return Convert.FromHexString(hex);
    }
}
