using Appliance.Models.Gguf;

namespace Appliance.Models;

/// <summary>
/// The dimensions of a llama-architecture model. Every shape but <c>tiny</c> copies a well-known model's
/// hyperparameters (from its config.json) so that speed measured on our random weights is the speed of that
/// model: same matrices, same vocabulary size, same KV heads. What differs is named in <see cref="Differences"/>.
/// </summary>
public sealed record ModelShape(
    string Name,
    string Description,
    int ContextLength,
    int EmbeddingLength,
    int BlockCount,
    int FeedForwardLength,
    int HeadCount,
    int HeadCountKv,
    int VocabSize,
    float RopeFreqBase,
    float RmsEpsilon,
    bool TiedEmbeddings,
    GgufTensorType DefaultType,
    string Differences = "")
{
    private const string OurTokenizer = "a generated SentencePiece vocabulary of the same size instead of its own";

    /// <summary>For tests: a few hundred KB, written in milliseconds; F32 so values round-trip exactly.</summary>
    public static readonly ModelShape Tiny = new("tiny", "2 layers of 64, 512-token vocabulary, for tests",
        2048, 64, 2, 96, 4, 2, 512, 10_000f, 1e-5f, TiedEmbeddings: true, GgufTensorType.F32);

    public static readonly IReadOnlyList<ModelShape> All =
    [
        Tiny,
        new("llama-1b", "Llama 3.2 1B", 131_072, 2048, 16, 8192, 32, 8, 128_256, 500_000f, 1e-5f, TiedEmbeddings: true, GgufTensorType.F16,
            $"{OurTokenizer}; no llama3 RoPE scaling"),
        new("qwen-0.5b", "Qwen2.5 0.5B", 32_768, 896, 24, 4864, 14, 2, 151_936, 1_000_000f, 1e-6f, TiedEmbeddings: true, GgufTensorType.F16,
            $"llama architecture, so no q/k/v biases; {OurTokenizer}"),
        new("tinyllama-1.1b", "TinyLlama 1.1B", 2048, 2048, 22, 5632, 32, 4, 32_000, 10_000f, 1e-5f, TiedEmbeddings: false, GgufTensorType.F16,
            OurTokenizer),
        new("llama-8b", "Llama 3.1 8B", 131_072, 4096, 32, 14_336, 32, 8, 128_256, 500_000f, 1e-5f, TiedEmbeddings: false, GgufTensorType.F16,
            $"{OurTokenizer}; no llama3 RoPE scaling"),
    ];

    public int HeadDimension => EmbeddingLength / HeadCount;

    public int KvDimension => HeadDimension * HeadCountKv;

    public static ModelShape? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
