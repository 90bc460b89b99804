using Appliance.Crypto;
using Appliance.Scale;

namespace Appliance.Primitives;

/// <summary>A 32-byte BLAKE2b-256 hash (block, extrinsic, state root); shown as 0x-hex.</summary>
public readonly record struct Hash256 : IScaleCodec<Hash256>
{
    public const int Size = 32;
    private readonly byte[] _bytes;

    public Hash256(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A hash is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }
        _bytes = bytes.ToArray();
    }

    public static Hash256 Zero { get; } = new(new byte[Size]);

    public ReadOnlySpan<byte> Bytes => _bytes;

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public static Hash256 Of(ReadOnlySpan<byte> data) => new(Blake2b.Hash256(data));

    public static bool TryParse(string text, out Hash256 hash)
    {
        hash = default;
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (hex.Length != Size * 2 || !hex.All(Uri.IsHexDigit))
        {
            return false;
        }
        hash = new Hash256(Convert.FromHexString(hex));
        return true;
    }

    public static Hash256 Read(ScaleReader reader) => new(reader.Fixed(Size));

    public void Write(ScaleWriter writer) => writer.Raw(_bytes);

    public bool Equals(Hash256 other) => _bytes.AsSpan().SequenceEqual(other._bytes);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    public override string ToString() => "0x" + Convert.ToHexStringLower(_bytes);
}
