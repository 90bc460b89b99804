using Appliance.Models.Gguf;

namespace Appliance.Models;

/// <summary>
/// Seeded random tensors, streamed. Values are uniform in ±sqrt(3 / n) for rows of n inputs (variance 1/n), so
/// every matrix product of an RMS-normalised vector stays near unit scale and the logits stay finite. Each chunk
/// of <see cref="ChunkValues"/> values has its own SplitMix64 stream derived from (seed, tensor, chunk), so the
/// bytes depend on the seed alone, not on how many threads encode the chunks in parallel. An instance reuses its
/// buffers, so it writes one file at a time.
/// </summary>
public sealed class RandomWeights(ulong seed)
{
    /// <summary>A whole number of Q8_0 blocks, large enough to amortise the parallel hand-off.</summary>
    public const int ChunkValues = 1 << 18;

    private readonly float[][] _values = new float[Environment.ProcessorCount][];
    private readonly byte[][] _encoded = new byte[Environment.ProcessorCount][];

    public GgufTensorSource Uniform(string name, GgufTensorType type, ulong[] shape, int tensorIndex)
    {
        var limit = MathF.Sqrt(3f / shape[0]);
        return new GgufTensorSource(name, type, shape, output => Write(output, type, GgufTensorInfo.Count(shape), limit, tensorIndex));
    }

    /// <summary>RMS-norm weights: all ones, as models are initialised.</summary>
    public static GgufTensorSource Ones(string name, int length) =>
        new(name, GgufTensorType.F32, [(ulong)length], output =>
        {
            var values = new float[length];
            Array.Fill(values, 1f);
            var bytes = new byte[length * sizeof(float)];
            output.Write(bytes, 0, TensorEncoding.Encode(GgufTensorType.F32, values, bytes));
        });

    /// <summary>The values of one chunk; <see cref="Write"/> encodes exactly these.</summary>
    public static void Fill(Span<float> values, ulong seed, int tensorIndex, long chunk, float limit)
    {
        var state = Mix(Mix(Mix(seed) ^ (ulong)tensorIndex) ^ (ulong)chunk);
        var scale = limit / 2147483648f;
        for (var i = 0; i < values.Length; i += 2)
        {
            state = unchecked(state + 0x9E3779B97F4A7C15UL);
            var bits = Mix(state);
            values[i] = unchecked((int)bits) * scale;
            if (i + 1 < values.Length)
            {
                values[i + 1] = unchecked((int)(bits >> 32)) * scale;
            }
        }
    }

    private void Write(Stream output, GgufTensorType type, ulong elements, float limit, int tensorIndex)
    {
        var chunks = (long)((elements + ChunkValues - 1) / ChunkValues);
        var lengths = new int[_values.Length];
        for (long first = 0; first < chunks; first += _values.Length)
        {
            var batch = (int)Math.Min(_values.Length, chunks - first);
            Parallel.For(0, batch, i =>
            {
                var chunk = first + i;
                var count = (int)Math.Min(ChunkValues, elements - (ulong)chunk * ChunkValues);
                var values = _values[i] ??= new float[ChunkValues];
                var encoded = _encoded[i] ??= new byte[ChunkValues * sizeof(float)];
                Fill(values.AsSpan(0, count), seed, tensorIndex, chunk, limit);
                lengths[i] = TensorEncoding.Encode(type, values.AsSpan(0, count), encoded);
            });
            for (var i = 0; i < batch; i++)
            {
                output.Write(_encoded[i], 0, lengths[i]);
            }
        }
    }

    /// <summary>SplitMix64's output function (Steele, Lea and Flood 2014).</summary>
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
