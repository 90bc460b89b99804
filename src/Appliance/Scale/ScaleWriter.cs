using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Appliance.Scale;

/// <summary>
/// SCALE encoding (Substrate's codec, docs.substrate.io "SCALE codec"): little-endian fixed-width integers,
/// compact integers, length-prefixed vectors, Option as 0x00 / 0x01 ‖ value, enums as an index byte.
/// </summary>
public sealed class ScaleWriter
{
    private readonly MemoryStream _buffer = new();

    public int Length => (int)_buffer.Length;

    public byte[] ToArray() => _buffer.ToArray();

    public ScaleWriter U8(byte value)
    {
        _buffer.WriteByte(value);
        return this;
    }

    public ScaleWriter Bool(bool value) => U8(value ? (byte)1 : (byte)0);

    public ScaleWriter U16(ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return Raw(bytes);
    }

    public ScaleWriter U32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return Raw(bytes);
    }

    public ScaleWriter U64(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return Raw(bytes);
    }

    /// <summary>Compact (variable-width) unsigned integer: single-byte, two-byte, four-byte or big-integer mode.</summary>
    public ScaleWriter Compact(ulong value)
    {
        switch (value)
        {
            case < 1UL << 6:
                return U8((byte)(value << 2));
            case < 1UL << 14:
                return U16((ushort)((value << 2) | 0b01));
            case < 1UL << 30:
                return U32((uint)((value << 2) | 0b10));
        }
        var byteCount = 8 - BitOperations.LeadingZeroCount(value) / 8;
        U8((byte)(((byteCount - 4) << 2) | 0b11));
        for (var i = 0; i < byteCount; i++)
        {
            U8((byte)((value >> (8 * i)) & 0xFF));
        }
        return this;
    }

    /// <summary>Bytes as they are, for fixed-size arrays (hashes, keys, signatures).</summary>
    public ScaleWriter Raw(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        return this;
    }

    /// <summary>A Vec&lt;u8&gt;: compact length, then the bytes.</summary>
    public ScaleWriter Bytes(ReadOnlySpan<byte> bytes) => Compact((ulong)bytes.Length).Raw(bytes);

    public ScaleWriter String(string value) => Bytes(Encoding.UTF8.GetBytes(value));

    public ScaleWriter Vec<T>(IReadOnlyCollection<T> items, Action<ScaleWriter, T> write)
    {
        Compact((ulong)items.Count);
        foreach (var item in items)
        {
            write(this, item);
        }
        return this;
    }

    public ScaleWriter Option<T>(T? value, Action<ScaleWriter, T> write) where T : struct
    {
        if (value is null)
        {
            return U8(0);
        }
        U8(1);
        write(this, value.Value);
        return this;
    }

    public ScaleWriter OptionRef<T>(T? value, Action<ScaleWriter, T> write) where T : class
    {
        if (value is null)
        {
            return U8(0);
        }
        U8(1);
        write(this, value);
        return this;
    }
}
