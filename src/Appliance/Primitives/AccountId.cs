using Appliance.Keys;
using Appliance.Scale;

namespace Appliance.Primitives;

/// <summary>A 32-byte account id (an Ed25519 public key); shown as its SS58 address.</summary>
public readonly record struct AccountId : IScaleCodec<AccountId>
{
    public const int Size = 32;
    private readonly byte[] _bytes;

    public AccountId(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"An account id is {Size} bytes, got {bytes.Length}.", nameof(bytes));
        }
        _bytes = bytes.ToArray();
    }

    public ReadOnlySpan<byte> Bytes => _bytes;

    public byte[] ToArray() => (byte[])_bytes.Clone();

    public string Address => AddressCache.Encode(_bytes);

    /// <summary>Parses an SS58 address; the FormatException names the problem.</summary>
    public static AccountId Parse(string ss58) => new(Ss58.Decode(ss58));

    public static AccountId Read(ScaleReader reader) => new(reader.Fixed(Size));

    public void Write(ScaleWriter writer) => writer.Raw(_bytes);

    public bool Equals(AccountId other) => _bytes.AsSpan().SequenceEqual(other._bytes);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    public override string ToString() => Address;
}
