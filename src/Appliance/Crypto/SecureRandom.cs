using System.Runtime.InteropServices;
using Appliance.Crypto.Native;

namespace Appliance.Crypto;

/// <summary>Cryptographically secure random bytes from libsodium's randombytes_buf.</summary>
public static class SecureRandom
{
    public static byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        Fill(bytes);
        return bytes;
    }

    public static void Fill(Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }
        SodiumLibrary.EnsureInitialized();
        LibSodium.randombytes_buf(ref MemoryMarshal.GetReference(destination), (nuint)destination.Length);
    }
}
