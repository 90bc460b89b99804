using System.Buffers.Binary;
using System.Numerics;

namespace Appliance.Keys;

/// <summary>Base58 with the Bitcoin alphabet, as SS58 uses it.</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    // 58^5: five base58 digits per division, and below 2^32, so a remainder and a limb fit in a ulong.
    private const uint ChunkBase = 656_356_768;
    private const int ChunkDigits = 5;
    private const int StackLimbs = 64;

    /// <summary>
    /// Schoolbook base conversion on 32-bit limbs, five digits per pass: a metagraph encodes thousands of
    /// addresses and every transfer several, so this avoids a BigInteger and byte-at-a-time division.
    /// </summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var leadingZeros = 0;
        while (leadingZeros < data.Length && data[leadingZeros] == 0)
        {
            leadingZeros++;
        }
        var body = data[leadingZeros..];
        var limbCount = (body.Length + 3) / 4;
        Span<uint> limbs = limbCount <= StackLimbs ? stackalloc uint[limbCount] : new uint[limbCount];
        if (limbCount > 0)
        {
            // Big-endian limbs, most significant first; the first holds the 1 to 4 bytes the others leave.
            var headLength = body.Length - (limbCount - 1) * 4;
            uint head = 0;
            foreach (var b in body[..headLength])
            {
                head = (head << 8) | b;
            }
            limbs[0] = head;
            for (var i = 1; i < limbCount; i++)
            {
                limbs[i] = BinaryPrimitives.ReadUInt32BigEndian(body[(headLength + (i - 1) * 4)..]);
            }
        }
        // log(2^32) / log(58^5) < 1.093 chunks per limb.
        var chunkCapacity = limbCount + limbCount / 8 + 2;
        Span<uint> chunks = chunkCapacity <= StackLimbs ? stackalloc uint[chunkCapacity] : new uint[chunkCapacity];
        var chunkCount = 0;
        var first = 0;
        while (first < limbCount)
        {
            ulong remainder = 0;
            for (var i = first; i < limbCount; i++)
            {
                var current = (remainder << 32) | limbs[i];
                var quotient = current / ChunkBase;
                // Unchecked: the quotient fits a limb (remainder < 58^5 < 2^32) and the product is at most current.
                limbs[i] = unchecked((uint)quotient);
                remainder = unchecked(current - quotient * ChunkBase);
            }
            chunks[chunkCount++] = (uint)remainder;
            while (first < limbCount && limbs[first] == 0)
            {
                first++;
            }
        }
        // The most significant chunk is the last remainder of a nonzero number below 58^5: nonzero, and only
        // its significant digits are written.
        var topDigits = 0;
        for (var top = chunkCount > 0 ? chunks[chunkCount - 1] : 0; top > 0; top /= 58)
        {
            topDigits++;
        }
        var digitCount = chunkCount == 0 ? 0 : (chunkCount - 1) * ChunkDigits + topDigits;
        return string.Create(leadingZeros + digitCount, (ReadOnlySpan<uint>)chunks[..chunkCount], static (text, chunks) =>
        {
            var position = text.Length;
            for (var k = 0; k < chunks.Length; k++)
            {
                var chunk = chunks[k];
                var last = k == chunks.Length - 1;
                for (var j = 0; j < ChunkDigits && (!last || chunk > 0); j++)
                {
                    text[--position] = Alphabet[(int)(chunk % 58)];
                    chunk /= 58;
                }
            }
            // One '1' per leading zero byte.
            text[..position].Fill('1');
        });
    }

    /// <summary>Decodes; returns false naming the first character outside the alphabet.</summary>
    public static bool TryDecode(string text, out byte[] data, out string? error)
    {
        data = [];
        BigInteger value = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var digit = Alphabet.IndexOf(text[i]);
            if (digit < 0)
            {
                error = $"'{text[i]}' at position {i} is not a base58 character";
                return false;
            }
            value = value * 58 + digit;
        }
        var leadingOnes = text.TakeWhile(c => c == '1').Count();
        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        data = new byte[leadingOnes + body.Length];
        body.CopyTo(data, leadingOnes);
        error = null;
        return true;
    }
}
