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
    private byte[] _buffer;
    private int _length;

    /// <param name="capacity">Bytes to start with; the buffer doubles when a write needs more.</param>
    public ScaleWriter(int capacity = 64)
    {
        _buffer = new byte[capacity];
    }

    public int Length => _length;

    /// <summary>What has been written so far, valid until the next write.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => Written.ToArray();

    /// <summary>Forgets what was written and keeps the buffer, for a writer reused on a hot path.</summary>
    public void Clear() => _length = 0;

    public ScaleWriter U8(byte value)
    {
        Reserve(1)[0] = value;
        return this;
    }

    public ScaleWriter Bool(bool value) => U8(value ? (byte)1 : (byte)0);

    public ScaleWriter U16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), value);
        return this;
    }

    public ScaleWriter U32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), value);
        return this;
    }

    public ScaleWriter U64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);
        return this;
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
        bytes.CopyTo(Reserve(bytes.Length));
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

    /// <summary>The next <paramref name="count"/> bytes of the buffer, counted as written.</summary>
    private Span<byte> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
