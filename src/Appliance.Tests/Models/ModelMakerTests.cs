using Appliance.Models;
using Appliance.Models.Gguf;
using Appliance.Models.Tokenizer;
using Appliance.Tests.Support;

namespace Appliance.Tests.Models;

/// <summary>Random llama models: small and fast for tests, the same bytes for the same seed, every type loadable.</summary>
public sealed class ModelMakerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Make_Tiny_FewHundredKilobytesInWellUnderASecond()
    {
        ModelMaker.Make(ModelShape.Tiny, _dir.Combine("warm.gguf"), seed: 0);

        var made = ModelMaker.Make(ModelShape.Tiny, _dir.Combine("tiny.gguf"), seed: 0);

        Assert.InRange(made.Bytes, 100_000, 500_000);
        Assert.Equal(new FileInfo(made.Path).Length, made.Bytes);
        Assert.True(made.Elapsed < TimeSpan.FromSeconds(0.5), $"took {made.Elapsed}");
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.partial"));
    }

    [Fact]
    public void Make_SameSeed_SameBytes_OtherSeed_OtherWeights()
    {
        var first = File.ReadAllBytes(ModelMaker.Make(ModelShape.Tiny, _dir.Combine("a.gguf"), seed: 5).Path);
        var again = File.ReadAllBytes(ModelMaker.Make(ModelShape.Tiny, _dir.Combine("b.gguf"), seed: 5).Path);
        var other = GgufReader.Read(ModelMaker.Make(ModelShape.Tiny, _dir.Combine("c.gguf"), seed: 6).Path);

        Assert.Equal(first, again);
        var seed5 = GgufReader.Read(_dir.Combine("a.gguf"));
        Assert.NotEqual(GgufReader.ReadTensor(seed5, seed5.Tensor("blk.0.attn_q.weight")), GgufReader.ReadTensor(other, other.Tensor("blk.0.attn_q.weight")));
    }

    [Theory]
    [InlineData(GgufTensorType.F16, 1UL)]
    [InlineData(GgufTensorType.Q8_0, 7UL)]
    public void Make_Type_MatricesInTypeNormsInF32AndFileTypeSet(GgufTensorType type, ulong fileType)
    {
        var file = GgufReader.Read(ModelMaker.Make(ModelShape.Tiny, _dir.Combine("t.gguf"), seed: 0, type).Path);

        Assert.Equal(fileType, file.Get(GgufKeys.FileType).AsUInt64());
        Assert.All(file.Tensors.Where(t => t.Name.EndsWith("norm.weight")), t => Assert.Equal(GgufTensorType.F32, t.Type));
        Assert.All(file.Tensors.Where(t => !t.Name.EndsWith("norm.weight")), t => Assert.Equal(type, t.Type));
    }

    [Fact]
    public void Make_UntiedShape_WritesOutputWeight()
    {
        var untied = ModelShape.Tiny with { Name = "tiny-untied", TiedEmbeddings = false };

        var file = GgufReader.Read(ModelMaker.Make(untied, _dir.Combine("u.gguf"), seed: 0).Path);

        Assert.Equal([64UL, 512UL], file.Tensor("output.weight").Shape);
    }

    [Fact]
    public void Make_OverExistingFile_ReplacesIt()
    {
        var path = _dir.Combine("m.gguf");
        File.WriteAllText(path, "old");

        ModelMaker.Make(ModelShape.Tiny, path, seed: 0);

        Assert.Equal("llama", GgufReader.Read(path).Architecture);
    }

    [Fact]
    public void Shapes_LlamaOneB_HasLlama32OneBDimensions()
    {
        var shape = ModelShape.Find("llama-1b")!;

        Assert.Equal((2048, 16, 32, 8, 8192, 128_256, 64), (shape.EmbeddingLength, shape.BlockCount, shape.HeadCount, shape.HeadCountKv, shape.FeedForwardLength, shape.VocabSize, shape.HeadDimension));
        Assert.True(shape.TiedEmbeddings);
        Assert.All(ModelShape.All, s => Assert.Equal(0, s.EmbeddingLength % s.HeadCount));
        Assert.All(ModelShape.All, s => Assert.Equal(0, s.FeedForwardLength % 32));
    }

    [Fact]
    public void Vocab_RealSize_SpecialsBytesThenDistinctPieces()
    {
        var vocab = SentencePieceVocab.Build(151_936);

        Assert.Equal(151_936, vocab.Tokens.Length);
        Assert.Equal(vocab.Tokens.Length, vocab.Tokens.Distinct().Count());
        Assert.Equal([(int)TokenType.Unknown, (int)TokenType.Control, (int)TokenType.Control], vocab.TokenTypes[..3]);
        Assert.Equal("<0xFF>", vocab.Tokens[258]);
        Assert.All(vocab.TokenTypes[3..259], t => Assert.Equal((int)TokenType.Byte, t));
        Assert.All(vocab.TokenTypes[259..], t => Assert.Equal((int)TokenType.Normal, t));
        Assert.Equal("▁", vocab.Tokens[259]);
        Assert.Contains("▁the", vocab.Tokens);
        Assert.True(vocab.Scores[260] > vocab.Scores[^1]);
    }

    [Fact]
    public void Vocab_TooSmall_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SentencePieceVocab.Build(300));
    }
}
