using System.Reflection;
using System.Security.Cryptography;
using Appliance.Crypto;

namespace Appliance.Keys;

/// <summary>
/// BIP39 English mnemonics, turned into a seed the way Substrate does it (substrate-bip39): the seed is
/// PBKDF2-HMAC-SHA512 of the mnemonic's ENTROPY (not of the phrase, as BIP39 proper does), salt
/// "mnemonic" ‖ password, 2048 rounds, first 32 bytes. So a phrase gives the same keys as in polkadot.js.
/// </summary>
public static class Mnemonic
{
    public const int MiniSecretSize = 32;
    private static readonly int[] WordCounts = [12, 15, 18, 21, 24];
    private static readonly Lazy<string[]> Words = new(LoadWordList);
    private static readonly Lazy<Dictionary<string, int>> Indexes =
        new(() => Words.Value.Select((word, index) => (word, index)).ToDictionary(p => p.word, p => p.index, StringComparer.Ordinal));

    public static string Generate(int wordCount = 12)
    {
        if (!WordCounts.Contains(wordCount))
        {
            throw new ArgumentOutOfRangeException(nameof(wordCount), wordCount, "A mnemonic has 12, 15, 18, 21 or 24 words.");
        }
        return FromEntropy(SecureRandom.Bytes(wordCount * 4 / 3));
    }

    public static string FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
        {
            throw new ArgumentException($"BIP39 entropy is 16 to 32 bytes in steps of 4, got {entropy.Length}.", nameof(entropy));
        }
        var bits = ToBits(entropy.ToArray()).Concat(ToBits(SHA256.HashData(entropy)).Take(entropy.Length / 4)).ToArray();
        var words = new string[bits.Length / 11];
        for (var w = 0; w < words.Length; w++)
        {
            var index = 0;
            for (var b = 0; b < 11; b++)
            {
                index = (index << 1) | (bits[w * 11 + b] ? 1 : 0);
            }
            words[w] = Words.Value[index];
        }
        return string.Join(' ', words);
    }

    /// <summary>The entropy a phrase encodes; the checksum is checked.</summary>
    public static byte[] ToEntropy(string phrase)
    {
        var words = Split(phrase);
        if (!WordCounts.Contains(words.Length))
        {
            throw new FormatException($"InvalidMnemonic: a mnemonic has 12, 15, 18, 21 or 24 words, got {words.Length}.");
        }
        var bits = new List<bool>(words.Length * 11);
        for (var w = 0; w < words.Length; w++)
        {
            if (!Indexes.Value.TryGetValue(words[w], out var index))
            {
                throw new FormatException($"InvalidMnemonic: word {w + 1} '{words[w]}' is not in the BIP39 English word list.");
            }
            for (var b = 10; b >= 0; b--)
            {
                bits.Add(((index >> b) & 1) == 1);
            }
        }
        var entropyBits = bits.Count * 32 / 33;
        var entropy = new byte[entropyBits / 8];
        for (var i = 0; i < entropyBits; i++)
        {
            if (bits[i])
            {
                entropy[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }
        if (!ToBits(SHA256.HashData(entropy)).Take(bits.Count - entropyBits).SequenceEqual(bits.Skip(entropyBits)))
        {
            throw new FormatException("InvalidMnemonic: the checksum word does not match (a word is mistyped or out of order).");
        }
        return entropy;
    }

    /// <summary>Substrate's mini secret: the 32-byte Ed25519 seed of the phrase with an optional password.</summary>
    public static byte[] ToMiniSecret(string phrase, string password = "")
    {
        var salt = System.Text.Encoding.UTF8.GetBytes("mnemonic" + password);
        return Rfc2898DeriveBytes.Pbkdf2(ToEntropy(phrase), salt, 2048, HashAlgorithmName.SHA512, 64)[..MiniSecretSize];
    }

    private static string[] Split(string phrase) =>
        phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToArray();

    private static IEnumerable<bool> ToBits(byte[] bytes) =>
        bytes.SelectMany(b => Enumerable.Range(0, 8).Select(i => ((b >> (7 - i)) & 1) == 1));

    private static string[] LoadWordList()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Appliance.Keys.bip39-english.txt")
            ?? throw new InvalidOperationException("The BIP39 word list resource is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 2048
            ? words
            : throw new InvalidOperationException($"The BIP39 word list has {words.Length} words, expected 2048.");
    }
}
