using System.Security.Cryptography;

namespace Appliance.Crypto;

/// <summary>Cryptographically secure random bytes from the operating system (getrandom on Linux).</summary>
public static class SecureRandom
{
    public static byte[] Bytes(int count) => RandomNumberGenerator.GetBytes(count);
}
