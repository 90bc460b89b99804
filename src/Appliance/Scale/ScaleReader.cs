using System.Buffers.Binary;
using System.Text;

namespace Appliance.Scale;

/// <summary>
/// Strict SCALE decoding: truncated input, non-canonical (over-long) compacts, booleans other than 0/1,
/// unknown option tags and trailing bytes (<see cref="End"/>) are <see cref="ScaleFormatException"/>s that
/// name the offset, never an IndexOutOfRange from deep inside.
/// </summary>
public sealed class ScaleReader(ReadOnlyMemory<byte> data)
{
    private int _offset;

    public int Offset => _offset;

    public int Remaining => data.Length - _offset;

    public static T DecodeAll<T>(ReadOnlyMemory<byte> data, Func<ScaleReader, T> read)
    {
        var reader = new ScaleReader(data);
        var value = read(reader);
        reader.End();
        return value;
    }

    public void End()
    {
        if (Remaining != 0)
        {
            throw new ScaleFormatException($"TrailingBytes: {Remaining} bytes left after the value ended at offset {_offset}.");
        }
    }

    public byte U8() => Take(1, "u8")[0];

    public bool Bool() => U8() switch
    {
        0 => false,
        1 => true,
        var other => throw new ScaleFormatException($"InvalidBool: byte 0x{other:x2} at offset {_offset - 1} is not a bool (0 or 1)."),
    };

    public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, "u16"));

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, "u32"));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, "u64"));

    public ulong Compact()
    {
        var start = _offset;
        var first = U8();
        ulong value;
        switch (first & 0b11)
        {
            case 0b00:
                return (ulong)(first >> 2);
            case 0b01:
                _offset = start;
                value = (ulong)(U16() >> 2);
                return value >= 1UL << 6 ? value : throw NonCanonical(start);
            case 0b10:
                _offset = start;
                value = U32() >> 2;
                return value >= 1UL << 14 ? value : throw NonCanonical(start);
        }
        var byteCount = (first >> 2) + 4;
        if (byteCount > 8)
        {
            throw new ScaleFormatException($"CompactOverflow: the compact at offset {start} has {byteCount} bytes; values above u64 are not used here.");
        }
        var bytes = Take(byteCount, "compact");
        value = 0;
        for (var i = 0; i < byteCount; i++)
        {
            value |= (ulong)bytes[i] << (8 * i);
        }
        if (value < 1UL << 30 || bytes[byteCount - 1] == 0)
        {
            throw NonCanonical(start);
        }
        return value;
    }

    /// <summary>A compact length that must fit in what is left, so a hostile length cannot allocate.</summary>
    public int Length(int elementSize = 1)
    {
        var start = _offset;
        var length = Compact();
        if (length > (ulong)(Remaining / Math.Max(elementSize, 1)))
        {
            throw new ScaleFormatException($"Truncated: the length {length} at offset {start} exceeds the {Remaining} bytes left.");
        }
        return (int)length;
    }

    public byte[] Fixed(int size) => Take(size, $"[u8; {size}]").ToArray();

    public byte[] Bytes() => Fixed(Length());

    public string String()
    {
        var start = _offset;
        var bytes = Bytes();
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ScaleFormatException($"InvalidUtf8: the string at offset {start} is not UTF-8.");
        }
    }

    public List<T> Vec<T>(Func<ScaleReader, T> read, int minElementSize = 1)
    {
        var count = Length(minElementSize);
        var items = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(read(this));
        }
        return items;
    }

    public T? Option<T>(Func<ScaleReader, T> read) where T : struct => OptionTag() ? read(this) : null;

    public T? OptionRef<T>(Func<ScaleReader, T> read) where T : class => OptionTag() ? read(this) : null;

    private bool OptionTag() => U8() switch
    {
        0 => false,
        1 => true,
        var other => throw new ScaleFormatException($"InvalidOption: tag 0x{other:x2} at offset {_offset - 1} is neither None (0) nor Some (1)."),
    };

    private ReadOnlySpan<byte> Take(int count, string what)
    {
        if (count > Remaining)
        {
            throw new ScaleFormatException($"Truncated: a {what} at offset {_offset} needs {count} bytes, {Remaining} left.");
        }
        var span = data.Span.Slice(_offset, count);
        _offset += count;
        return span;
    }

    private static ScaleFormatException NonCanonical(int offset) =>
        new($"NonCanonicalCompact: the compact at offset {offset} uses more bytes than its value needs.");
}
