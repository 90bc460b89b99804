using System.Diagnostics;
using Appliance.Models.Gguf;
using Appliance.Models.Tokenizer;

namespace Appliance.Models;

/// <summary>What <see cref="ModelMaker.Make"/> wrote.</summary>
public sealed record MadeModel(string Path, string Shape, GgufTensorType Type, ulong Seed, ulong Parameters, long Bytes, TimeSpan Elapsed);

/// <summary>
/// Writes a llama-architecture GGUF with random weights that llama.cpp loads and runs: the metadata keys and
/// tensor names of llama.cpp's LLM_ARCH_LLAMA (src/llama-arch.cpp, llama-model.cpp), shapes innermost first,
/// norms in F32, everything else in the type asked for. With tied embeddings there is no output.weight and
/// llama.cpp reuses token_embd.weight, as for Llama 3.2 1B and Qwen2.5 0.5B.
/// The file is written beside its destination and renamed into place, so a reader never sees half a model.
/// </summary>
public static class ModelMaker
{
    public static readonly IReadOnlyList<GgufTensorType> Types = [GgufTensorType.F32, GgufTensorType.F16, GgufTensorType.Q8_0];

    public static MadeModel Make(ModelShape shape, string path, ulong seed, GgufTensorType? type = null)
    {
        var chosen = type ?? shape.DefaultType;
        if (!Types.Contains(chosen))
        {
            throw new ArgumentException($"Models are written as {string.Join(", ", Types)}; got {chosen}.", nameof(type));
        }
        var clock = Stopwatch.StartNew();
        var tensors = Tensors(shape, chosen, new RandomWeights(seed));
        var full = System.IO.Path.GetFullPath(path);
        var temporary = $"{full}.{Guid.NewGuid():N}.partial";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 20))
            {
                GgufWriter.Write(file, Metadata(shape, chosen, seed), tensors);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        var parameters = tensors.Aggregate(0UL, (sum, t) => sum + t.ElementCount);
        return new MadeModel(full, shape.Name, chosen, seed, parameters, new FileInfo(full).Length, clock.Elapsed);
    }

    private static List<KeyValuePair<string, GgufValue>> Metadata(ModelShape shape, GgufTensorType type, ulong seed) =>
    [
        new(GgufKeys.Architecture, GgufValue.String("llama")),
        new(GgufKeys.Name, GgufValue.String($"{shape.Name} random (seed {seed})")),
        new("general.description", GgufValue.String($"Random weights in the shape of {shape.Description}{(shape.Differences == "" ? "" : $"; differs in: {shape.Differences}")}")),
        new(GgufKeys.Alignment, GgufValue.UInt32(GgufWriter.DefaultAlignment)),
        new(GgufKeys.FileType, GgufValue.UInt32(FileType(type))),
        new("llama.context_length", GgufValue.UInt32((uint)shape.ContextLength)),
        new("llama.embedding_length", GgufValue.UInt32((uint)shape.EmbeddingLength)),
        new("llama.block_count", GgufValue.UInt32((uint)shape.BlockCount)),
        new("llama.feed_forward_length", GgufValue.UInt32((uint)shape.FeedForwardLength)),
        new("llama.rope.dimension_count", GgufValue.UInt32((uint)shape.HeadDimension)),
        new("llama.attention.head_count", GgufValue.UInt32((uint)shape.HeadCount)),
        new("llama.attention.head_count_kv", GgufValue.UInt32((uint)shape.HeadCountKv)),
        new("llama.attention.layer_norm_rms_epsilon", GgufValue.Float32(shape.RmsEpsilon)),
        new("llama.rope.freq_base", GgufValue.Float32(shape.RopeFreqBase)),
        new("llama.vocab_size", GgufValue.UInt32((uint)shape.VocabSize)),
        .. SentencePieceVocab.Build(shape.VocabSize).Metadata(),
    ];

    /// <summary>llama.cpp's <c>llama_ftype</c>: ALL_F32 = 0, MOSTLY_F16 = 1, MOSTLY_Q8_0 = 7.</summary>
    private static uint FileType(GgufTensorType type) => type switch
    {
        GgufTensorType.F32 => 0,
        GgufTensorType.F16 => 1,
        _ => 7,
    };

    private static List<GgufTensorSource> Tensors(ModelShape shape, GgufTensorType type, RandomWeights random)
    {
        var (embd, vocab, ff, kv) = ((ulong)shape.EmbeddingLength, (ulong)shape.VocabSize, (ulong)shape.FeedForwardLength, (ulong)shape.KvDimension);
        var tensors = new List<GgufTensorSource>();
        void Matrix(string name, ulong inputs, ulong outputs) => tensors.Add(random.Uniform(name, type, [inputs, outputs], tensors.Count));

        Matrix("token_embd.weight", embd, vocab);
        for (var i = 0; i < shape.BlockCount; i++)
        {
            tensors.Add(RandomWeights.Ones($"blk.{i}.attn_norm.weight", shape.EmbeddingLength));
            Matrix($"blk.{i}.attn_q.weight", embd, embd);
            Matrix($"blk.{i}.attn_k.weight", embd, kv);
            Matrix($"blk.{i}.attn_v.weight", embd, kv);
            Matrix($"blk.{i}.attn_output.weight", embd, embd);
            tensors.Add(RandomWeights.Ones($"blk.{i}.ffn_norm.weight", shape.EmbeddingLength));
            Matrix($"blk.{i}.ffn_gate.weight", embd, ff);
            Matrix($"blk.{i}.ffn_up.weight", embd, ff);
            Matrix($"blk.{i}.ffn_down.weight", ff, embd);
        }
        tensors.Add(RandomWeights.Ones("output_norm.weight", shape.EmbeddingLength));
        if (!shape.TiedEmbeddings)
        {
            Matrix("output.weight", embd, vocab);
        }
        return tensors;
    }
}
