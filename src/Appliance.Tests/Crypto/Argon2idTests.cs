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

        var key = Argon2id.DeriveKey("password"u8, salt, 32, Cheap);

        Assert.Equal(key, Argon2id.DeriveKey("password"u8, salt, 32, Cheap));
        Assert.NotEqual(key, Argon2id.DeriveKey("passwore"u8, salt, 32, Cheap));
        Assert.NotEqual(key, Argon2id.DeriveKey("password"u8, otherSalt, 32, Cheap));
        Assert.NotEqual(key, Argon2id.DeriveKey("password"u8, salt, 32, Cheap with { OpsLimit = 2 }));
    }

    [Theory]
    [InlineData("password", "somesaltsomesalt", 2UL, 64 * 1024 * 1024, "fc33b78139231d34b71626bd6245c1d72efa190ad605c3d8166a72adcedfa2c2")]
    [InlineData("correct horse", "0123456789abcdef", 1UL, 8 * 1024 * 1024, "eb8cf0e32ea118d4865b51d32836a373be04224269089f805015c3b29cab1445")]
    public void DeriveKey_MatchesReferenceImplementation(string password, string salt, ulong passes, long memory, string expected)
    {
        // Expected values from the Argon2 reference CLI (Debian's argon2): argon2 SALT -id -t T -m LOG2KIB -p 1 -l 32 -r
        var key = Argon2id.DeriveKey(System.Text.Encoding.UTF8.GetBytes(password), System.Text.Encoding.UTF8.GetBytes(salt), 32, new Argon2idCost(passes, memory));
        Assert.Equal(expected, Convert.ToHexStringLower(key));
    }

    [Fact]
    public void DeriveKey_WrongSaltSize_Rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Argon2id.DeriveKey("pw"u8, new byte[8], 32, Cheap));
        Assert.Contains("16 bytes, got 8", error.Message);
    }
}
