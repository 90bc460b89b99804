using Appliance.Crypto;

namespace Appliance.Tests.Crypto;

public sealed class LibSodiumTests
{
    [Fact]
    public void LibSodium_NSecAndSecretBox_BothUseTheCopyBesideTheApp()
    {
        using var key = Ed25519KeyPair.FromSeed(new byte[Ed25519KeyPair.SeedSize]);
        _ = SecretBox.Seal("x"u8, new byte[SecretBox.NonceSize], new byte[SecretBox.KeySize]);

        // Every libsodium mapped into this process is the NuGet package's, none is a system one.
        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].Contains("libsodium"))
            .Select(fields => fields[5])
            .Distinct()
            .ToList();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libsodium.so"), Assert.Single(mapped));
    }
}
