using Appliance.Crypto;

namespace Appliance.Tests.Crypto;

public sealed class Argon2idTests
{
    private static readonly Argon2idCost Cheap = new(1, 8 * 1024 * 1024);

    [Fact]
    public void DeriveKey_SameInputs_SameKey_OtherPasswordOrSalt_OtherKey()
    {
        var salt = new byte[Argon2id.SaltSize];
        var otherSalt = Enumerable.Repeat((byte)1, Argon2id.SaltSize).ToArray();

        var key = Derive("password"u8, salt, Cheap);

        Assert.Equal(key, Derive("password"u8, salt, Cheap));
        Assert.NotEqual(key, Derive("passwore"u8, salt, Cheap));
        Assert.NotEqual(key, Derive("password"u8, otherSalt, Cheap));
        Assert.NotEqual(key, Derive("password"u8, salt, Cheap with { OpsLimit = 2 }));
    }

    [Theory]
    [InlineData("password", "somesaltsomesalt", 2UL, 64 * 1024 * 1024, "fc33b78139231d34b71626bd6245c1d72efa190ad605c3d8166a72adcedfa2c2")]
    [InlineData("correct horse", "0123456789abcdef", 1UL, 8 * 1024 * 1024, "eb8cf0e32ea118d4865b51d32836a373be04224269089f805015c3b29cab1445")]
    public void DeriveKey_MatchesReferenceImplementation(string password, string salt, ulong passes, long memory, string expected)
    {
        // Expected values from the Argon2 reference CLI (Debian's argon2): argon2 SALT -id -t T -m LOG2KIB -p 1 -l 32 -r
        var key = Derive(System.Text.Encoding.UTF8.GetBytes(password), System.Text.Encoding.UTF8.GetBytes(salt), new Argon2idCost(passes, memory));
        Assert.Equal(expected, Convert.ToHexStringLower(key));
    }

    [Theory]
    [InlineData(8 * 1024 * 1024 + 1000, "eb8cf0e32ea118d4865b51d32836a373be04224269089f805015c3b29cab1445")]
    [InlineData(8 * 1024 * 1024 + 1024, "ccb85f47ab29df78e4eaaf4cabb6e921be5ed211f09c16cb181f8fdd9d50afd9")]
    public void DeriveKey_MemLimitInBytes_RoundedDownToKiBAsLibsodiumDid(long memLimit, string expected)
    {
        // Expected values from libsodium 1.0.18's crypto_pwhash_argon2id (opslimit 1), which wrote the older keyfiles.
        var key = Derive("correct horse"u8, "0123456789abcdef"u8, new Argon2idCost(1, memLimit));
        Assert.Equal(expected, Convert.ToHexStringLower(key));
    }

    [Fact]
    public void DeriveKey_WrongSaltSize_Rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Derive("pw"u8, new byte[8], Cheap));
        Assert.Contains("16 bytes, got 8", error.Message);
    }

    private static byte[] Derive(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, Argon2idCost cost)
    {
        var key = new byte[32];
        Argon2id.DeriveKey(password, salt, cost, key);
        return key;
    }
}
