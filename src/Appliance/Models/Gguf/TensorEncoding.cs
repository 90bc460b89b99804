using System.Runtime.InteropServices;

namespace Appliance.Models.Gguf;

/// <summary>
/// Encodes and decodes the types we write, bit for bit as ggml's reference code (ggml-quants.c):
/// F32 as is; F16 rounded to nearest even (as F16C does); Q8_0 in blocks of 32 values, each a half-precision
/// scale d = max|x| / 127 followed by 32 signed bytes round(x / d), rounding half away from zero like roundf.
/// </summary>
public static class TensorEncoding
{
    public const int Q8_0BlockSize = 32;
    public const int Q8_0BlockBytes = 2 + Q8_0BlockSize;

    /// <summary>Writes <paramref name="values"/> in <paramref name="type"/> and returns the bytes written.</summary>
    public static int Encode(GgufTensorType type, ReadOnlySpan<float> values, Span<byte> destination)
    {
        switch (type)
        {
            case GgufTensorType.F32:
                MemoryMarshal.AsBytes(values).CopyTo(destination);
                return values.Length * sizeof(float);
            case GgufTensorType.F16:
                var halves = MemoryMarshal.Cast<byte, Half>(destination);
                for (var i = 0; i < values.Length; i++)
                {
                    halves[i] = (Half)values[i];
                }
                return values.Length * 2;
            case GgufTensorType.Q8_0:
                return EncodeQ8_0(values, destination);
            default:
                throw new NotSupportedException($"Encoding {type} is not implemented; use F32, F16 or Q8_0.");
        }
    }

    public static float[] Decode(GgufTensorType type, ReadOnlySpan<byte> data) => type switch
    {
        GgufTensorType.F32 => MemoryMarshal.Cast<byte, float>(data).ToArray(),
        GgufTensorType.F16 => [.. MemoryMarshal.Cast<byte, Half>(data).ToArray().Select(h => (float)h)],
        GgufTensorType.Q8_0 => DecodeQ8_0(data),
        _ => throw new NotSupportedException($"Decoding {type} is not implemented; use F32, F16 or Q8_0."),
    };

    private static int EncodeQ8_0(ReadOnlySpan<float> values, Span<byte> destination)
    {
        if (values.Length % Q8_0BlockSize != 0)
        {
            throw new ArgumentException($"Q8_0 needs whole blocks of {Q8_0BlockSize} values, got {values.Length}.", nameof(values));
        }
        var blocks = values.Length / Q8_0BlockSize;
        for (var b = 0; b < blocks; b++)
        {
            var block = values.Slice(b * Q8_0BlockSize, Q8_0BlockSize);
            var output = destination.Slice(b * Q8_0BlockBytes, Q8_0BlockBytes);
            var amax = 0f;
            foreach (var x in block)
            {
                amax = MathF.Max(amax, MathF.Abs(x));
            }
            var d = amax / 127f;
            var id = d != 0 ? 1f / d : 0f;
            MemoryMarshal.Write(output, (Half)d);
            var quants = MemoryMarshal.Cast<byte, sbyte>(output[2..]);
            for (var j = 0; j < Q8_0BlockSize; j++)
            {
                quants[j] = (sbyte)MathF.Round(block[j] * id, MidpointRounding.AwayFromZero);
            }
        }
        return blocks * Q8_0BlockBytes;
    }

    private static float[] DecodeQ8_0(ReadOnlySpan<byte> data)
    {
        var values = new float[data.Length / Q8_0BlockBytes * Q8_0BlockSize];
        for (var b = 0; b < values.Length / Q8_0BlockSize; b++)
        {
            var block = data.Slice(b * Q8_0BlockBytes, Q8_0BlockBytes);
            var d = (float)MemoryMarshal.Read<Half>(block);
            var quants = MemoryMarshal.Cast<byte, sbyte>(block[2..]);
            for (var j = 0; j < Q8_0BlockSize; j++)
            {
                values[b * Q8_0BlockSize + j] = d * quants[j];
            }
        }
        return values;
    }
}
