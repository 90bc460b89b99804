using Appliance.Models;
using Appliance.Models.Gguf;
using Appliance.Tests.Support;

namespace Appliance.Tests.Models;

/// <summary>What GgufWriter writes, GgufReader reads back: every value type, tensor shapes, offsets and bytes.</summary>
public sealed class GgufRoundTripTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WriteThenRead_EveryValueType_ComesBackEqual()
    {
        KeyValuePair<string, GgufValue>[] metadata =
        [
            new("u8", new(GgufValueType.UInt8, (byte)200)),
            new("i8", new(GgufValueType.Int8, (sbyte)-100)),
            new("u16", new(GgufValueType.UInt16, (ushort)60_000)),
            new("i16", new(GgufValueType.Int16, (short)-30_000)),
            new("u32", GgufValue.UInt32(4_000_000_000)),
            new("i32", GgufValue.Int32(-2_000_000_000)),
            new("f32", GgufValue.Float32(0.1f)),
            new("bool", GgufValue.Bool(true)),
            new("string", GgufValue.String("▁héllo")),
            new("u64", new(GgufValueType.UInt64, ulong.MaxValue)),
            new("i64", new(GgufValueType.Int64, long.MinValue)),
            new("f64", new(GgufValueType.Float64, Math.PI)),
            new("strings", GgufValue.Array(["a", "", "<0x0A>"])),
            new("floats", GgufValue.Array([1f, -2.5f])),
            new("ints", GgufValue.Array([3, -4])),
            new("u64s", new(GgufValueType.Array, new ulong[] { 1, ulong.MaxValue }, GgufValueType.UInt64)),
            new("bools", new(GgufValueType.Array, new[] { true, false }, GgufValueType.Bool)),
        ];
        var path = _dir.Combine("values.gguf");
        using (var file = File.Create(path))
        {
            GgufWriter.Write(file, metadata, []);
        }

        var read = GgufReader.Read(path);

        Assert.Equal(3u, read.Version);
        Assert.Equal(metadata.Select(kv => kv.Key), read.Metadata.Keys);
        foreach (var (key, value) in metadata)
        {
            Assert.Equal(value.Type, read.Metadata[key].Type);
            Assert.Equal(value.Value, read.Metadata[key].Value);
        }
        Assert.Equal(["a", "", "<0x0A>"], read.Get("strings").AsArray<string>());
        Assert.Equal([1UL, ulong.MaxValue], read.Get("u64s").AsArray<ulong>());
        Assert.Equal([true, false], read.Get("bools").AsArray<bool>());
    }

    [Fact]
    public void WriteThenRead_Tensors_AlignedOffsetsAndSameBytes()
    {
        var matrix = Enumerable.Range(0, 64).Select(i => i / 8f).ToArray();
        var vector = Enumerable.Range(0, 32).Select(i => -i / 4f).ToArray();
        var path = _dir.Combine("tensors.gguf");
        using (var file = File.Create(path))
        {
            GgufWriter.Write(file, [new(GgufKeys.Architecture, GgufValue.String("test"))],
            [
                Source("odd", GgufTensorType.F32, [3], [1f, 2f, 3f]),
                Source("matrix", GgufTensorType.F16, [32, 2], matrix),
                Source("vector", GgufTensorType.Q8_0, [32], vector),
            ]);
        }

        var read = GgufReader.Read(path);

        Assert.Equal(["odd", "matrix", "vector"], read.Tensors.Select(t => t.Name));
        Assert.Equal([0UL, 32UL, 160UL], read.Tensors.Select(t => t.Offset));
        Assert.Equal([32UL, 2UL], read.Tensor("matrix").Shape);
        Assert.Equal(0UL, read.DataOffset % 32);
        Assert.Equal([1f, 2f, 3f], Decode(read, "odd"));
        Assert.Equal(matrix, Decode(read, "matrix"));
        var quantised = Decode(read, "vector");
        Assert.All(vector.Zip(quantised), pair => Assert.InRange(pair.Second - pair.First, -0.031f, 0.031f));
        Assert.Equal(read.DataOffset + 224, read.Length);
    }

    [Fact]
    public void MakeTiny_ReadBack_LlamaMetadataVocabAndWeights()
    {
        var made = ModelMaker.Make(ModelShape.Tiny, _dir.Combine("tiny.gguf"), seed: 7);

        var file = GgufReader.Read(made.Path);

        Assert.Equal("llama", file.Architecture);
        Assert.Equal(GgufTensorType.F32, made.Type);
        Assert.Equal(0UL, file.Get(GgufKeys.FileType).AsUInt64());
        Assert.Equal(32UL, file.Alignment);
        Assert.Equal(64UL, file.Get("llama.embedding_length").AsUInt64());
        Assert.Equal(2UL, file.Get("llama.block_count").AsUInt64());
        Assert.Equal(16UL, file.Get("llama.rope.dimension_count").AsUInt64());
        Assert.Equal(2UL, file.Get("llama.attention.head_count_kv").AsUInt64());
        Assert.Equal(1e-5, file.Get("llama.attention.layer_norm_rms_epsilon").AsDouble(), 1e-9);
        Assert.Equal("llama", file.Get("tokenizer.ggml.model").AsString());
        var tokens = file.Get("tokenizer.ggml.tokens").AsArray<string>();
        Assert.Equal(512, tokens.Length);
        Assert.Equal(["<unk>", "<s>", "</s>", "<0x00>"], tokens[..4]);
        Assert.Equal("<0x0A>", tokens[3 + '\n']);
        Assert.Equal(512, file.Get("tokenizer.ggml.scores").ArrayLength);
        Assert.True(file.Get("tokenizer.ggml.add_bos_token").AsBool());
        Assert.Equal(2 + 2 * 9, file.Tensors.Count);
        Assert.DoesNotContain(file.Tensors, t => t.Name == "output.weight");
        Assert.Equal([64UL, 512UL], file.Tensor("token_embd.weight").Shape);
        Assert.Equal([64UL, 32UL], file.Tensor("blk.1.attn_k.weight").Shape);
        Assert.Equal([96UL, 64UL], file.Tensor("blk.1.ffn_down.weight").Shape);
        Assert.Equal(made.Parameters, file.ParameterCount);

        var embedding = TensorEncoding.Decode(GgufTensorType.F32, GgufReader.ReadTensor(file, file.Tensor("token_embd.weight")));
        var expected = new float[64 * 512];
        RandomWeights.Fill(expected, seed: 7, tensorIndex: 0, chunk: 0, limit: MathF.Sqrt(3f / 64));
        Assert.Equal(expected, embedding);
        Assert.All(embedding, x => Assert.InRange(x, -0.2166f, 0.2166f));
        Assert.All(TensorEncoding.Decode(GgufTensorType.F32, GgufReader.ReadTensor(file, file.Tensor("output_norm.weight"))), x => Assert.Equal(1f, x));
    }

    private static GgufTensorSource Source(string name, GgufTensorType type, ulong[] shape, float[] values) =>
        new(name, type, shape, output =>
        {
            var bytes = new byte[values.Length * 4];
            output.Write(bytes, 0, TensorEncoding.Encode(type, values, bytes));
        });

    private static float[] Decode(GgufFile file, string name)
    {
        var tensor = file.Tensor(name);
        return TensorEncoding.Decode(tensor.Type, GgufReader.ReadTensor(file, tensor));
    }
}
