namespace Appliance.Tests.Support;

public static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.StartsWith("0x") ? hex[2..] : hex);

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
