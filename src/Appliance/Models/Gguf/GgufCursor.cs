using System.Buffers.Binary;
using System.Text;

namespace Appliance.Models.Gguf;

/// <summary>
/// Reads little-endian values from a GGUF header, checking each length against the bytes left in the file
/// before allocating or reading, so a corrupt length is an error naming what was being read, never a huge
/// allocation or an end-of-stream exception.
/// </summary>
internal sealed class GgufCursor(Stream stream)
{
    public ulong Length { get; } = (ulong)stream.Length;

    public ulong Position { get; private set; }

    private ulong Remaining => Length - Position;

    public byte[] Bytes(int count, string what)
    {
        if ((ulong)count > Remaining)
        {
            throw GgufErrors.Truncated(Position, (ulong)count, Length, what);
        }
        var bytes = new byte[count];
        stream.ReadExactly(bytes);
        Position += (ulong)count;
        return bytes;
    }

    public uint UInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4, what));

    public ulong UInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8, what));

    public string String(string what)
    {
        var length = UInt64($"the length of {what}");
        if (length > Remaining)
        {
            throw GgufErrors.Truncated(Position, length, Length, what);
        }
        if (length > (ulong)Array.MaxLength)
        {
            throw GgufErrors.BadCount($"bytes in {what}", length, (ulong)Array.MaxLength);
        }
        return Encoding.UTF8.GetString(Bytes((int)length, what));
    }

    /// <summary>A count from the file, refused when even <paramref name="minBytesEach"/> per item would not fit in the rest.</summary>
    public int Count(ulong count, int minBytesEach, string what)
    {
        var atMost = Math.Min(Remaining / (ulong)minBytesEach, (ulong)(Array.MaxLength / minBytesEach));
        return count <= atMost ? (int)count : throw GgufErrors.BadCount(what, count, atMost);
    }
}
