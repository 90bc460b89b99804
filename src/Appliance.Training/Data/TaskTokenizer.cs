using Appliance.Models.Tokenizer;

namespace Appliance.Training.Data;

/// <summary>
/// Text to token ids exactly as llama.cpp's SPM tokenizer treats <see cref="SentencePieceVocab.CharactersAndDigitPairs"/>:
/// a space is prefixed (add_space_prefix, on by default) and spaces become "▁"; then SPM merges the best-scoring
/// adjacent pair that is a piece, leftmost first on ties, until none is. Here the only such pairs are two digits,
/// all scoring 0, so a run of digits pairs up from its left ("2401" → "24" "01", "137" → "13" "7") and every
/// other character is its own piece, or its UTF-8 bytes when it has none. A test holds this against llama.cpp's
/// own tokenization of every task kind.
/// </summary>
public sealed class TaskTokenizer
{
    private readonly Dictionary<string, int> ids;

    public TaskTokenizer(SentencePieceVocab vocab)
    {
        Vocab = vocab;
        ids = vocab.Tokens.Select((piece, id) => (piece, id)).ToDictionary(t => t.piece, t => t.id);
    }

    public SentencePieceVocab Vocab { get; }

    public int BeginningOfText => (int)SentencePieceVocab.BosId;

    public int EndOfText => (int)SentencePieceVocab.EosId;

    /// <summary>The ids of <paramref name="text"/> as the start of a prompt: with the space prefix, without BOS.</summary>
    public List<int> Encode(string text)
    {
        var result = new List<int>(text.Length + 1);
        var runes = (" " + text).Replace(' ', '▁').EnumerateRunes().ToList();
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < runes.Count; i++)
        {
            if (i + 1 < runes.Count && ids.TryGetValue($"{runes[i]}{runes[i + 1]}", out var pair))
            {
                result.Add(pair);
                i++;
                continue;
            }
            if (ids.TryGetValue(runes[i].ToString(), out var id))
            {
                result.Add(id);
                continue;
            }
            foreach (var b in bytes[..runes[i].EncodeToUtf8(bytes)])
            {
                result.Add(ids[$"<0x{b:X2}>"]);
            }
        }
        return result;
    }

    /// <summary>The ids of <paramref name="text"/> as a continuation: no space prefix.</summary>
    public List<int> EncodeContinuation(string text) => Encode(text)[1..];
}
