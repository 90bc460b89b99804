using Appliance.Crypto;

namespace Appliance.Keys;

/// <summary>
/// SS58 addresses of 32-byte account ids (Substrate's ss58-registry format): base58(prefix ‖ id ‖
/// checksum) where the checksum is the first 2 bytes of BLAKE2b-512("SS58PRE" ‖ prefix ‖ id). Prefixes
/// below 64 take one byte, 64–16383 two. Bittensor and this chain use the generic prefix 42.
/// </summary>
public static class Ss58
{
    public const ushort DefaultPrefix = 42;
    public const int AccountIdSize = 32;
    private const int ChecksumSize = 2;
    private const int MaxPrefixSize = 2;
    private const int MaxAddressSize = MaxPrefixSize + AccountIdSize + ChecksumSize;
    private const int MaxPreimageSize = 7 + MaxPrefixSize + AccountIdSize;

    // "SS58PRE": 7 bytes, counted in MaxPreimageSize.
    private static ReadOnlySpan<byte> Preamble => "SS58PRE"u8;

    /// <summary>On the stack throughout: every transfer's events carry several addresses.</summary>
    public static string Encode(ReadOnlySpan<byte> accountId, ushort prefix = DefaultPrefix)
    {
        if (accountId.Length != AccountIdSize)
        {
            throw new ArgumentException($"An account id is {AccountIdSize} bytes, got {accountId.Length}.", nameof(accountId));
        }
        if (prefix > 16383)
        {
            throw new ArgumentOutOfRangeException(nameof(prefix), prefix, "SS58 prefixes are 0 to 16383.");
        }
        Span<byte> address = stackalloc byte[MaxAddressSize];
        int prefixLength;
        if (prefix < 64)
        {
            address[0] = (byte)prefix;
            prefixLength = 1;
        }
        else
        {
            address[0] = (byte)(((prefix & 0b1111_1100) >> 2) | 0b0100_0000);
            address[1] = (byte)((prefix >> 8) | ((prefix & 0b11) << 6));
            prefixLength = 2;
        }
        var payloadLength = prefixLength + AccountIdSize;
        accountId.CopyTo(address[prefixLength..]);
        WriteChecksum(address[..payloadLength], address.Slice(payloadLength, ChecksumSize));
        return Base58.Encode(address[..(payloadLength + ChecksumSize)]);
    }

    public static byte[] Decode(string address) => Decode(address, out _);

    public static byte[] Decode(string address, out ushort prefix)
    {
        if (!TryDecode(address, out var accountId, out prefix, out var error))
        {
            throw new FormatException(error);
        }
        return accountId;
    }

    public static bool TryDecode(string address, out byte[] accountId, out ushort prefix, out string? error)
    {
        accountId = [];
        prefix = 0;
        if (string.IsNullOrEmpty(address))
        {
            error = "InvalidAddress: the SS58 address is empty.";
            return false;
        }
        if (!Base58.TryDecode(address, out var data, out var base58Error))
        {
            error = $"InvalidAddress: '{address}' is not SS58: {base58Error}.";
            return false;
        }
        var prefixLength = data.Length > 0 && data[0] >= 64 ? 2 : 1;
        if (data.Length > 0 && data[0] >= 128)
        {
            error = $"InvalidAddress: '{address}' has an invalid SS58 prefix byte {data[0]}.";
            return false;
        }
        var expectedLength = prefixLength + AccountIdSize + ChecksumSize;
        if (data.Length != expectedLength)
        {
            error = $"InvalidAddress: '{address}' decodes to {data.Length} bytes; a {AccountIdSize}-byte account address has {expectedLength}.";
            return false;
        }
        var payload = data.AsSpan(0, prefixLength + AccountIdSize);
        Span<byte> checksum = stackalloc byte[ChecksumSize];
        WriteChecksum(payload, checksum);
        if (!checksum.SequenceEqual(data.AsSpan(prefixLength + AccountIdSize)))
        {
            error = $"InvalidAddress: '{address}' has a bad SS58 checksum (mistyped or altered).";
            return false;
        }
        prefix = prefixLength == 1
            ? data[0]
            : (ushort)(((data[0] & 0b0011_1111) << 2) | (data[1] >> 6) | ((data[1] & 0b0011_1111) << 8));
        accountId = payload[prefixLength..].ToArray();
        error = null;
        return true;
    }

    /// <summary>The first bytes of BLAKE2b-512("SS58PRE" ‖ payload); payload is prefix ‖ id, at most 34 bytes.</summary>
    private static void WriteChecksum(ReadOnlySpan<byte> payload, Span<byte> checksum)
    {
        Span<byte> preimage = stackalloc byte[MaxPreimageSize];
        Preamble.CopyTo(preimage);
        payload.CopyTo(preimage[Preamble.Length..]);
        Span<byte> digest = stackalloc byte[Blake2b.Hash512Size];
        Blake2b.Hash512(preimage[..(Preamble.Length + payload.Length)], digest);
        digest[..checksum.Length].CopyTo(checksum);
    }
}
