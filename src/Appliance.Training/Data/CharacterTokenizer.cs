using System.Text;
using Appliance.Models.Tokenizer;

namespace Appliance.Training.Data;

/// <summary>
/// Text to token ids exactly as llama.cpp's SPM tokenizer treats <see cref="SentencePieceVocab.CharacterLevel"/>:
/// a space is prefixed (add_space_prefix, on by default), spaces become "▁", each character is its own piece
/// and a character without one falls back to its UTF-8 bytes. A test holds this against llama.cpp's own
/// tokenization of every task kind.
/// </summary>
public sealed class CharacterTokenizer
{
    private readonly Dictionary<string, int> ids;

    public CharacterTokenizer(SentencePieceVocab vocab)
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
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in (" " + text).Replace(' ', '▁').EnumerateRunes())
        {
            if (ids.TryGetValue(rune.ToString(), out var id))
            {
                result.Add(id);
                continue;
            }
            foreach (var b in bytes[..rune.EncodeToUtf8(bytes)])
            {
                result.Add(ids[$"<0x{b:X2}>"]);
            }
        }
        return result;
    }

    /// <summary>The ids of <paramref name="text"/> as a continuation: no space prefix.</summary>
    public List<int> EncodeContinuation(string text) => Encode(text)[1..];
}
