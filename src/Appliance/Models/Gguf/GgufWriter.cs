using System.Text;

namespace Appliance.Models.Gguf;

/// <summary>
/// Writes GGUF version 3 (ggml's docs/gguf.md), little-endian: magic, version, tensor count, metadata count,
/// the metadata, the tensor entries, padding to the alignment, then each tensor's data padded to the alignment.
/// The alignment is general.alignment when the metadata has it, else 32.
/// </summary>
public static class GgufWriter
{
    public const uint Version = 3;
    public const uint DefaultAlignment = 32;

    public static void Write(Stream output, IReadOnlyList<KeyValuePair<string, GgufValue>> metadata, IReadOnlyList<GgufTensorSource> tensors)
    {
        var alignment = metadata.Where(kv => kv.Key == GgufKeys.Alignment).Select(kv => kv.Value.AsUInt64()).DefaultIfEmpty(DefaultAlignment).Single();
        if (alignment == 0 || !ulong.IsPow2(alignment))
        {
            throw new ArgumentException($"general.alignment must be a power of two, got {alignment}.", nameof(metadata));
        }
        var start = output.Position;
        using var header = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        header.Write(GgufReader.Magic);
        header.Write(Version);
        header.Write((ulong)tensors.Count);
        header.Write((ulong)metadata.Count);
        foreach (var (key, value) in metadata)
        {
            WriteString(header, key);
            header.Write((uint)value.Type);
            WriteValue(header, value);
        }
        var offset = 0UL;
        foreach (var tensor in tensors)
        {
            WriteString(header, tensor.Name);
            header.Write((uint)tensor.Shape.Length);
            foreach (var dimension in tensor.Shape)
            {
                header.Write(dimension);
            }
            header.Write((uint)tensor.Type);
            header.Write(offset);
            offset = Align(offset + tensor.ByteSize, alignment);
        }
        header.Flush();
        Pad(output, start, alignment);
        foreach (var tensor in tensors)
        {
            var before = output.Position;
            tensor.WriteData(output);
            var written = (ulong)(output.Position - before);
            if (written != tensor.ByteSize)
            {
                throw new InvalidOperationException($"Tensor '{tensor.Name}' wrote {written} bytes; its shape and type need {tensor.ByteSize}.");
            }
            Pad(output, start, alignment);
        }
    }

    public static ulong Align(ulong offset, ulong alignment) => (offset + alignment - 1) / alignment * alignment;

    private static void Pad(Stream output, long start, ulong alignment)
    {
        var position = (ulong)(output.Position - start);
        Span<byte> zeros = stackalloc byte[(int)(Align(position, alignment) - position)];
        zeros.Clear();
        output.Write(zeros);
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        writer.Write((ulong)bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteValue(BinaryWriter writer, GgufValue value)
    {
        switch (value.Value)
        {
            case string s: WriteString(writer, s); break;
            case bool b: writer.Write((byte)(b ? 1 : 0)); break;
            case byte v: writer.Write(v); break;
            case sbyte v: writer.Write(v); break;
            case ushort v: writer.Write(v); break;
            case short v: writer.Write(v); break;
            case uint v: writer.Write(v); break;
            case int v: writer.Write(v); break;
            case ulong v: writer.Write(v); break;
            case long v: writer.Write(v); break;
            case float v: writer.Write(v); break;
            case double v: writer.Write(v); break;
            case Array array:
                writer.Write((uint)value.ElementType);
                writer.Write((ulong)array.Length);
                foreach (var element in array)
                {
                    WriteValue(writer, new GgufValue(value.ElementType, element));
                }
                break;
            default:
                throw new ArgumentException($"Metadata value of .NET type {value.Value.GetType().Name} has no GGUF encoding.", nameof(value));
        }
    }
}
