using Appliance.Models.Gguf;
using Appliance.Models.Tokenizer;
using Appliance.Training.Network;
using static TorchSharp.torch;

namespace Appliance.Training;

/// <summary>
/// Writes the network as a llama GGUF that llama.cpp loads, with the tensor names and metadata keys
/// <see cref="Models.ModelMaker"/> uses (llama.cpp's LLM_ARCH_LLAMA). A torch Linear weight is [out, in] row-major,
/// which is ggml's [in, out] (innermost first) byte for byte, so matrices are written as they are. Norms stay F32;
/// the rest is F16 or Q8_0. The metadata records how the file was made: the command, seed, steps and final loss.
/// Written beside the destination and renamed into place, so a reader (or a Ctrl-C) never leaves half a file.
/// </summary>
public static class GgufExport
{
    public static readonly IReadOnlyList<GgufTensorType> Types = [GgufTensorType.F16, GgufTensorType.Q8_0];

    public static long Write(LlamaNetwork network, SentencePieceVocab vocab, GgufTensorType type, string path, TrainingRecord record)
    {
        var shape = network.Shape;
        var tensors = Tensors(network).Select(t => Matrix(t.Name, t.Weight, t.IsNorm ? GgufTensorType.F32 : type)).ToList();
        List<KeyValuePair<string, GgufValue>> metadata =
        [
            new(GgufKeys.Architecture, GgufValue.String("llama")),
            new(GgufKeys.Name, GgufValue.String(record.Name)),
            new("general.description", GgufValue.String(
                $"Trained by appliance-train on the validator's tasks: {shape}, {record.Steps} steps, seed {record.Seed}, final loss {record.Loss:0.0000}")),
            new(GgufKeys.Alignment, GgufValue.UInt32(GgufWriter.DefaultAlignment)),
            new(GgufKeys.FileType, GgufValue.UInt32(type == GgufTensorType.F16 ? 1u : 7u)),
            new("llama.context_length", GgufValue.UInt32((uint)shape.ContextLength)),
            new("llama.embedding_length", GgufValue.UInt32((uint)shape.Dimension)),
            new("llama.block_count", GgufValue.UInt32((uint)shape.Layers)),
            new("llama.feed_forward_length", GgufValue.UInt32((uint)shape.FeedForward)),
            new("llama.rope.dimension_count", GgufValue.UInt32((uint)shape.HeadDimension)),
            new("llama.attention.head_count", GgufValue.UInt32((uint)shape.Heads)),
            new("llama.attention.head_count_kv", GgufValue.UInt32((uint)shape.Heads)),
            new("llama.attention.layer_norm_rms_epsilon", GgufValue.Float32((float)shape.RmsEpsilon)),
            new("llama.rope.freq_base", GgufValue.Float32((float)shape.RopeFreqBase)),
            new("llama.vocab_size", GgufValue.UInt32((uint)vocab.Tokens.Length)),
            new(TrainingRecord.CommandKey, GgufValue.String(record.Command)),
            new(TrainingRecord.SeedKey, GgufValue.UInt32((uint)record.Seed)),
            new(TrainingRecord.StepsKey, GgufValue.UInt32((uint)record.Steps)),
            new(TrainingRecord.LossKey, GgufValue.Float32((float)record.Loss)),
            .. record.Init is null ? [] : new[] { new KeyValuePair<string, GgufValue>(TrainingRecord.InitKey, GgufValue.String(record.Init)) },
            .. vocab.Metadata(),
        ];
        var full = Path.GetFullPath(path);
        var temporary = $"{full}.{Guid.NewGuid():N}.partial";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 20))
            {
                GgufWriter.Write(file, metadata, tensors);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return new FileInfo(full).Length;
    }

    /// <summary>Every weight of the network with its llama.cpp tensor name; norms are kept in F32.</summary>
    public static IEnumerable<(string Name, Tensor Weight, bool IsNorm)> Tensors(LlamaNetwork network)
    {
        yield return ("token_embd.weight", network.Embedding.weight!, false);
        for (var i = 0; i < network.Blocks.Count; i++)
        {
            var block = network.Blocks[i];
            yield return ($"blk.{i}.attn_norm.weight", block.AttentionNorm.Weight, true);
            yield return ($"blk.{i}.attn_q.weight", block.Attention.Query.weight!, false);
            yield return ($"blk.{i}.attn_k.weight", block.Attention.Key.weight!, false);
            yield return ($"blk.{i}.attn_v.weight", block.Attention.Value.weight!, false);
            yield return ($"blk.{i}.attn_output.weight", block.Attention.Output.weight!, false);
            yield return ($"blk.{i}.ffn_norm.weight", block.FeedForwardNorm.Weight, true);
            yield return ($"blk.{i}.ffn_gate.weight", block.FeedForward.Gate.weight!, false);
            yield return ($"blk.{i}.ffn_up.weight", block.FeedForward.Up.weight!, false);
            yield return ($"blk.{i}.ffn_down.weight", block.FeedForward.Down.weight!, false);
        }
        yield return ("output_norm.weight", network.Norm.Weight, true);
    }

    /// <summary>
    /// Loads the weights of a GGUF this exporter wrote into <paramref name="network"/> (same shape), to go on
    /// training from it; F16 weights come back as the F16 values.
    /// </summary>
    public static void Read(LlamaNetwork network, string path)
    {
        var file = GgufReader.Read(path);
        using var noGrad = no_grad();
        foreach (var (name, weight, _) in Tensors(network))
        {
            var info = file.Tensor(name);
            if (!info.Shape.SequenceEqual(weight.shape.Reverse().Select(d => (ulong)d)))
            {
                throw new InvalidDataException($"ShapeMismatch: {path}'s {name} is [{string.Join(", ", info.Shape)}]; this shape's is [{string.Join(", ", weight.shape.Reverse())}]. Expected the same --dim, --layers, --heads and --ff.");
            }
            using var values = tensor(TensorEncoding.Decode(info.Type, GgufReader.ReadTensor(file, info)));
            weight.copy_(values.view(weight.shape));
        }
    }

    /// <summary>A tensor's values, copied now (training goes on changing the original), in GGUF's dimension order.</summary>
    private static GgufTensorSource Matrix(string name, Tensor weight, GgufTensorType type)
    {
        using var values = weight.detach().cpu().contiguous();
        var data = values.data<float>().ToArray();
        ulong[] shape = [.. values.shape.Reverse().Select(d => (ulong)d)];
        return new GgufTensorSource(name, type, shape, output =>
        {
            var bytes = new byte[data.Length * sizeof(float)];
            output.Write(bytes, 0, TensorEncoding.Encode(type, data, bytes));
        });
    }
}
