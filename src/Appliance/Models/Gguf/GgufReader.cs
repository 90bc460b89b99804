using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Appliance.Models.Gguf;

/// <summary>
/// Reads and checks a GGUF header (ggml's docs/gguf.md, versions 2 and 3, little-endian) without reading tensor
/// data: magic, version, every count against the bytes left, every string length, value types, the alignment,
/// and each tensor's dimensions, type, offset and byte range against the file length. It accepts what ggml's
/// gguf_init_from_file accepts (nested arrays and tensors out of order are refused there too). Anything wrong is an
/// <see cref="InvalidDataException"/> from <see cref="GgufErrors"/>, ending with the file's path. The LLM loader
/// calls <see cref="Read(string)"/> before handing a file to llama.cpp, which reports most of these only in its log and
/// aborts the process on some.
/// </summary>
public static class GgufReader
{
    public static readonly byte[] Magic = "GGUF"u8.ToArray();

    /// <summary>ggml's GGML_MAX_DIMS and GGML_MAX_NAME (which counts the terminating zero).</summary>
    private const int MaxDimensions = 4;
    private const int MaxNameBytes = 63;

    public static GgufFile Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        return Read(stream, path);
    }

    /// <summary>Reads the header and tensor table from <paramref name="stream"/>; <paramref name="path"/> names it in errors and in the result.</summary>
    public static GgufFile Read(Stream stream, string path)
    {
        try
        {
            return ReadChecked(stream, path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{e.Message} File: {path}", e);
        }
    }

    private static GgufFile ReadChecked(Stream stream, string path)
    {
        var cursor = new GgufCursor(stream);

        var magic = cursor.Bytes(4, "the magic");
        if (!magic.AsSpan().SequenceEqual(Magic))
        {
            throw GgufErrors.BadMagic(magic);
        }
        var version = cursor.UInt32("the version");
        if (version is not (2 or 3))
        {
            throw GgufErrors.UnsupportedVersion(version);
        }
        // A tensor entry takes at least 24 bytes (name length, dimension count, type, offset); a key-value 13
        // (key length, type, a one-byte value).
        var tensorCount = cursor.Count(cursor.UInt64("the tensor count"), 24, "tensors");
        var metadataCount = cursor.Count(cursor.UInt64("the metadata count"), 13, "metadata key-values");

        var metadata = new OrderedDictionary<string, GgufValue>();
        for (var i = 0; i < metadataCount; i++)
        {
            var key = cursor.String($"metadata key {i}");
            var value = ReadValue(cursor, key);
            if (!metadata.TryAdd(key, value))
            {
                throw GgufErrors.DuplicateKey(key);
            }
        }
        var alignment = Alignment(metadata);

        var tensors = new List<GgufTensorInfo>(tensorCount);
        var names = new HashSet<string>();
        for (var i = 0; i < tensorCount; i++)
        {
            var tensor = ReadTensorInfo(cursor, i, alignment);
            if (!names.Add(tensor.Name))
            {
                throw GgufErrors.DuplicateTensor(tensor.Name);
            }
            tensors.Add(tensor);
        }
        var dataOffset = GgufWriter.Align(cursor.Position, alignment);
        CheckRanges(tensors, dataOffset, cursor.Length, alignment);
        return new GgufFile(path, version, metadata, tensors, alignment, dataOffset, cursor.Length);
    }

    /// <summary>One tensor's bytes as stored (encoded in its type).</summary>
    public static byte[] ReadTensor(GgufFile file, GgufTensorInfo tensor)
    {
        using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        stream.Position = checked((long)(file.DataOffset + tensor.Offset));
        var bytes = new byte[checked((int)tensor.ByteSize)];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static GgufValue ReadValue(GgufCursor cursor, string key)
    {
        var type = cursor.UInt32($"the type of '{key}'");
        if (type > (uint)GgufValueType.Float64)
        {
            throw GgufErrors.BadValueType(key, type);
        }
        if ((GgufValueType)type != GgufValueType.Array)
        {
            return new GgufValue((GgufValueType)type, ReadScalar(cursor, (GgufValueType)type, key));
        }
        var elementType = cursor.UInt32($"the element type of '{key}'");
        if (elementType > (uint)GgufValueType.Float64 || (GgufValueType)elementType == GgufValueType.Array)
        {
            throw GgufErrors.BadValueType(key, elementType);
        }
        var element = (GgufValueType)elementType;
        var count = cursor.Count(cursor.UInt64($"the length of '{key}'"), element == GgufValueType.String ? 8 : ScalarSize(element), $"elements in '{key}'");
        Array values = element switch
        {
            GgufValueType.String => Enumerable.Range(0, count).Select(i => cursor.String($"element {i} of '{key}'")).ToArray(),
            GgufValueType.Bool => cursor.Bytes(count, $"'{key}'").Select(b => b != 0).ToArray(),
            GgufValueType.UInt8 => cursor.Bytes(count, $"'{key}'"),
            GgufValueType.Int8 => Cast<sbyte>(cursor, count, key),
            GgufValueType.UInt16 => Cast<ushort>(cursor, count, key),
            GgufValueType.Int16 => Cast<short>(cursor, count, key),
            GgufValueType.UInt32 => Cast<uint>(cursor, count, key),
            GgufValueType.Int32 => Cast<int>(cursor, count, key),
            GgufValueType.Float32 => Cast<float>(cursor, count, key),
            GgufValueType.UInt64 => Cast<ulong>(cursor, count, key),
            GgufValueType.Int64 => Cast<long>(cursor, count, key),
            _ => Cast<double>(cursor, count, key),
        };
        return new GgufValue(GgufValueType.Array, values, element);
    }

    private static T[] Cast<T>(GgufCursor cursor, int count, string key) where T : unmanaged =>
        MemoryMarshal.Cast<byte, T>(cursor.Bytes(checked(count * Unsafe.SizeOf<T>()), $"'{key}'")).ToArray();

    private static object ReadScalar(GgufCursor cursor, GgufValueType type, string key)
    {
        var what = $"the value of '{key}'";
        return type switch
        {
            GgufValueType.String => cursor.String(what),
            GgufValueType.Bool => cursor.Bytes(1, what)[0] != 0,
            GgufValueType.UInt8 => cursor.Bytes(1, what)[0],
            GgufValueType.Int8 => MemoryMarshal.Read<sbyte>(cursor.Bytes(1, what)),
            GgufValueType.UInt16 => MemoryMarshal.Read<ushort>(cursor.Bytes(2, what)),
            GgufValueType.Int16 => MemoryMarshal.Read<short>(cursor.Bytes(2, what)),
            GgufValueType.UInt32 => cursor.UInt32(what),
            GgufValueType.Int32 => MemoryMarshal.Read<int>(cursor.Bytes(4, what)),
            GgufValueType.Float32 => MemoryMarshal.Read<float>(cursor.Bytes(4, what)),
            GgufValueType.UInt64 => cursor.UInt64(what),
            GgufValueType.Int64 => MemoryMarshal.Read<long>(cursor.Bytes(8, what)),
            _ => MemoryMarshal.Read<double>(cursor.Bytes(8, what)),
        };
    }

    private static int ScalarSize(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        _ => 8,
    };

    private static ulong Alignment(OrderedDictionary<string, GgufValue> metadata)
    {
        if (!metadata.TryGetValue(GgufKeys.Alignment, out var value))
        {
            return GgufWriter.DefaultAlignment;
        }
        return value.Value is uint alignment && alignment != 0 && uint.IsPow2(alignment) ? alignment : throw GgufErrors.BadAlignment(value);
    }

    private static GgufTensorInfo ReadTensorInfo(GgufCursor cursor, int index, ulong alignment)
    {
        var name = cursor.String($"the name of tensor {index}");
        if (System.Text.Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
        {
            throw GgufErrors.BadTensor(name, $"has a name longer than {MaxNameBytes} bytes");
        }
        var dimensions = cursor.UInt32($"the dimension count of '{name}'");
        if (dimensions > MaxDimensions)
        {
            throw GgufErrors.BadTensor(name, $"has {dimensions} dimensions; expected at most {MaxDimensions}");
        }
        var shape = new ulong[dimensions];
        for (var d = 0; d < shape.Length; d++)
        {
            shape[d] = cursor.UInt64($"the dimensions of '{name}'");
        }
        var type = (GgufTensorType)cursor.UInt32($"the type of '{name}'");
        var offset = cursor.UInt64($"the offset of '{name}'");
        if (!GgufTensorTypes.IsKnown(type))
        {
            throw GgufErrors.BadTensor(name, $"has unknown type {(uint)type}");
        }
        // Like ggml, every prefix product of the dimensions must fit an int64 (a later zero does not excuse an
        // overflow), exactly, in 128 bits: a product in doubles rounds, and a zero after an overflow hid it.
        UInt128 count = 1;
        foreach (var dimension in shape)
        {
            count *= dimension;
            if (dimension > long.MaxValue || count > long.MaxValue)
            {
                throw GgufErrors.BadTensor(name, $"has an impossible shape [{string.Join(", ", shape)}]");
            }
        }
        var rowLength = shape.Length > 0 ? shape[0] : 1;
        if (rowLength % (ulong)type.BlockSize() != 0)
        {
            throw GgufErrors.BadTensor(name, $"has rows of {rowLength} values; type {type} needs a multiple of {type.BlockSize()}");
        }
        if (offset % alignment != 0)
        {
            throw GgufErrors.MisalignedTensor(name, offset, alignment);
        }
        return new GgufTensorInfo(name, type, shape, offset);
    }

    private static void CheckRanges(List<GgufTensorInfo> tensors, ulong dataOffset, ulong length, ulong alignment)
    {
        foreach (var tensor in tensors)
        {
            // In 128 bits, so that a corrupt shape or offset cannot wrap around into range.
            var end = (UInt128)dataOffset + tensor.Offset + (UInt128)(tensor.ElementCount / (ulong)tensor.Type.BlockSize()) * (ulong)tensor.Type.BlockBytes();
            if (end > length)
            {
                throw GgufErrors.TensorOutOfBounds(tensor.Name, end, length);
            }
        }
        // As ggml's gguf_init_from_file requires: tensors follow one another in order, each padded to the alignment.
        var expected = 0UL;
        foreach (var tensor in tensors)
        {
            if (tensor.Offset != expected)
            {
                throw GgufErrors.UnexpectedTensorOffset(tensor.Name, tensor.Offset, expected, alignment);
            }
            expected = GgufWriter.Align(expected + tensor.ByteSize, alignment);
        }
    }
}
