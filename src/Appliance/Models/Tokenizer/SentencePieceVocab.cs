using Appliance.Models.Gguf;

namespace Appliance.Models.Tokenizer;

/// <summary>
/// A SentencePiece-style vocabulary for llama.cpp's "llama" (SPM) tokenizer, laid out as Llama 2's:
/// 0 &lt;unk&gt;, 1 &lt;s&gt;, 2 &lt;/s&gt;, 3–258 the byte-fallback tokens &lt;0x00&gt;…&lt;0xFF&gt; (so any text
/// tokenizes), then normal pieces, "▁" standing for a leading space: single characters, common English words
/// with their prefixes, then every lowercase string of two, three and four letters until the vocabulary has the
/// size asked for. Scores fall with rank, so SPM's merges prefer whole common words.
/// </summary>
public sealed record SentencePieceVocab(string[] Tokens, float[] Scores, int[] TokenTypes)
{
    public const uint UnknownId = 0;
    public const uint BosId = 1;
    public const uint EosId = 2;
    private const string Space = "▁";
    private const int FirstPiece = 3 + 256;

    private static readonly string[] CommonWords =
        """
        the of and to a in is it you that he was for on are with as I his they be at one have this from or had by
        not word but what some we can out other were all there when up use your how said an each she which do
        their time if will way about many then them write would like so these her long make thing see him two has
        look more day could go come did number sound no most people my over know water than call first who may
        down side been now find any new work part take get place made live where after back little only round man
        year came show every good me give our under name very through just form sentence great think say help low
        line differ turn cause much mean before move right boy old too same tell does set three want air well also
        play small end put home read hand port large spell add even land here must big high such follow act why
        ask men change went light kind off need house picture try us again animal point mother world near build
        self earth father answer question model token chain block stake weight miner validator subnet
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private const string Characters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"()[]{}-_+=*/\\<>@#$%&|~`^";

    public static SentencePieceVocab Build(int size)
    {
        var minimum = FirstPiece + 1 + Characters.Length;
        if (size < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"A vocabulary needs at least {minimum} tokens: specials, 256 bytes, \"{Space}\" and the single characters.");
        }
        var tokens = new List<string>(size) { "<unk>", "<s>", "</s>" };
        var types = new List<int>(size) { (int)TokenType.Unknown, (int)TokenType.Control, (int)TokenType.Control };
        for (var b = 0; b < 256; b++)
        {
            tokens.Add($"<0x{b:X2}>");
            types.Add((int)TokenType.Byte);
        }
        var seen = new HashSet<string>(tokens);
        foreach (var piece in Pieces())
        {
            if (tokens.Count == size)
            {
                break;
            }
            if (seen.Add(piece))
            {
                tokens.Add(piece);
                types.Add((int)TokenType.Normal);
            }
        }
        if (tokens.Count < size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"At most {tokens.Count} distinct pieces can be generated.");
        }
        var scores = Enumerable.Range(0, size).Select(i => i < FirstPiece ? 0f : -(i - FirstPiece)).ToArray();
        return new SentencePieceVocab([.. tokens], scores, [.. types]);
    }

    /// <summary>
    /// The same layout cut down for small models trained on the validator's tasks: specials, the 256 bytes, "▁",
    /// one piece per printable ASCII character, then every pair of digits "00"…"99". Letters stay single
    /// characters, while a number up to 99 is one token and a longer one a few (SPM merges digit pairs left to
    /// right: every piece scores 0 and ties go to the leftmost pair) — so comparing and copying numbers is done
    /// on whole tokens rather than learnt digit by digit. A newline falls back to &lt;0x0A&gt;.
    /// </summary>
    public static SentencePieceVocab CharactersAndDigitPairs()
    {
        string[] pairs = [.. Enumerable.Range(0, 100).Select(n => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture))];
        string[] pieces = ["<unk>", "<s>", "</s>", .. Enumerable.Range(0, 256).Select(b => $"<0x{b:X2}>"), Space, .. Characters.Select(c => c.ToString()), .. pairs];
        int[] types = [(int)TokenType.Unknown, (int)TokenType.Control, (int)TokenType.Control, .. Enumerable.Repeat((int)TokenType.Byte, 256),
            .. Enumerable.Repeat((int)TokenType.Normal, 1 + Characters.Length + pairs.Length)];
        return new SentencePieceVocab(pieces, new float[pieces.Length], types);
    }

    /// <summary>The tokenizer.ggml.* metadata llama.cpp reads for an SPM vocabulary.</summary>
    public IEnumerable<KeyValuePair<string, GgufValue>> Metadata() =>
    [
        new("tokenizer.ggml.model", GgufValue.String("llama")),
        new("tokenizer.ggml.tokens", GgufValue.Array(Tokens)),
        new("tokenizer.ggml.scores", GgufValue.Array(Scores)),
        new("tokenizer.ggml.token_type", GgufValue.Array(TokenTypes)),
        new("tokenizer.ggml.bos_token_id", GgufValue.UInt32(BosId)),
        new("tokenizer.ggml.eos_token_id", GgufValue.UInt32(EosId)),
        new("tokenizer.ggml.unknown_token_id", GgufValue.UInt32(UnknownId)),
        new("tokenizer.ggml.add_bos_token", GgufValue.Bool(true)),
        new("tokenizer.ggml.add_eos_token", GgufValue.Bool(false)),
    ];

    private static IEnumerable<string> Pieces()
    {
        yield return Space;
        foreach (var c in Characters)
        {
            yield return c.ToString();
        }
        foreach (var c in Characters)
        {
            yield return Space + c;
        }
        // SPM builds a piece only by merging two pieces it already has, so each word comes with its prefixes.
        foreach (var word in CommonWords)
        {
            for (var length = 2; length <= word.Length; length++)
            {
                yield return Space + word[..length];
            }
        }
        foreach (var word in CommonWords)
        {
            yield return word;
        }
        IEnumerable<string> letters = [.. "abcdefghijklmnopqrstuvwxyz".Select(c => c.ToString())];
        for (var length = 2; length <= 4; length++)
        {
            letters = [.. letters.SelectMany(prefix => "abcdefghijklmnopqrstuvwxyz".Select(c => prefix + c))];
            foreach (var piece in letters)
            {
                yield return Space + piece;
                yield return piece;
            }
        }
    }
}
