using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Tests.Support;
using Appliance.Wallets;

namespace Appliance.Tests.Wallets;

public sealed class WalletStoreTests : IDisposable
{
    private static readonly Argon2idCost Cheap = new(1, 8 * 1024 * 1024);
    private readonly TempDirectory _temp = new();
    private readonly WalletStore _store;

    public WalletStoreTests()
    {
        _store = new WalletStore(_temp.Path, Cheap);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void WriteColdkey_LaysOutFilesLikeBittensor_OwnerOnly()
    {
        using var alice = DevAccounts.Alice();
        using var hotkey = DevAccounts.Bob();
        _store.WriteColdkey("w", alice, null, "secret1", overwrite: false);
        _store.WriteHotkey("w", "default", hotkey, null, overwrite: false);

        foreach (var file in new[] { "coldkey", "coldkeypub.txt", "hotkeys/default" })
        {
            var path = _temp.Combine("w", file);
            Assert.True(File.Exists(path), file);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.DoesNotContain(Keyfile.Hex(SecretUri.Parse("//Alice").DeriveSeed()), File.ReadAllText(_temp.Combine("w", "coldkey")));
        Assert.Contains("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", File.ReadAllText(_temp.Combine("w", "coldkeypub.txt")));
        Assert.Empty(Directory.GetFiles(_temp.Combine("w"), "*.tmp"));
    }

    [Fact]
    public void OpenColdkey_RightPassword_GivesTheSameKey()
    {
        using var alice = DevAccounts.Alice();
        _store.WriteColdkey("w", alice, null, "secret1", overwrite: false);

        using var opened = _store.OpenColdkey("w", "secret1");

        Assert.Equal(alice.PublicKey, opened.PublicKey);
    }

    [Fact]
    public void OpenColdkey_WrongPassword_RefusedAsWrongPassword()
    {
        using var alice = DevAccounts.Alice();
        _store.WriteColdkey("w", alice, null, "secret1", overwrite: false);

        var error = Assert.Throws<WalletException>(() => _store.OpenColdkey("w", "secret2"));

        Assert.Equal(WalletError.WrongPassword, error.Code);
    }

    [Theory]
    [InlineData("\"ciphertext\": \"0x", "\"ciphertext\": \"0x00")]
    [InlineData("\"opslimit\": 1", "\"opslimit\": 3")]
    [InlineData("\"salt\"", "\"sal\"")]
    [InlineData("{", "$NACL{")]
    public void OpenColdkey_TamperedFile_RefusedAsCorrupted(string find, string replace)
    {
        using var alice = DevAccounts.Alice();
        _store.WriteColdkey("w", alice, null, "secret1", overwrite: false);
        var path = _temp.Combine("w", "coldkey");
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));

        var error = Assert.Throws<WalletException>(() => _store.OpenColdkey("w", "secret1"));

        Assert.Contains(error.Code, new[] { WalletError.KeyfileCorrupted, WalletError.KeyfileUnsupported });
    }

    [Theory]
    [InlineData("\"memlimit\": 8388608", "\"memlimit\": -5")]
    [InlineData("\"opslimit\": 1", "\"opslimit\": 0")]
    [InlineData("\"memlimit\": 8388608", "\"memlimit\": 4611686018427387904")]
    public void OpenColdkey_OutOfRangeParametersWithValidChecksum_RefusedBeforeArgon2(string find, string replace)
    {
        using var alice = DevAccounts.Alice();
        _store.WriteColdkey("w", alice, null, "secret1", overwrite: false);
        var path = _temp.Combine("w", "coldkey");
        var file = System.Text.Json.JsonSerializer.Deserialize<EncryptedKeyfileData>(File.ReadAllText(path).Replace(find, replace))!;
        var resealed = file with { Checksum = RecomputedChecksum(file) };
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(resealed));

        var error = Assert.Throws<WalletException>(() => _store.OpenColdkey("w", "secret1"));

        Assert.Equal(WalletError.KeyfileCorrupted, error.Code);
        Assert.Contains("out-of-range", error.Message);
    }

    [Fact]
    public void Show_UnreadableHotkey_ListedAsSuchWithoutHidingTheWallet()
    {
        using var alice = DevAccounts.Alice();
        _store.WriteColdkey("w", alice, null, "secret1", overwrite: false);
        Directory.CreateDirectory(_temp.Combine("w", "hotkeys"));
        File.WriteAllText(_temp.Combine("w", "hotkeys", "junk"), "not json");

        var info = Assert.Single(_store.List());

        Assert.Equal("(unreadable: KeyfileCorrupted)", Assert.Single(info.Hotkeys).Address);
    }

    [Fact]
    public void WriteColdkey_PublicFileDeleted_StillRefusesToOverwrite()
    {
        using var alice = DevAccounts.Alice();
        using var bob = DevAccounts.Bob();
        _store.WriteColdkey("w", alice, null, "secret1", overwrite: false);
        var before = File.ReadAllText(_temp.Combine("w", "coldkey"));
        File.Delete(_temp.Combine("w", "coldkeypub.txt"));

        var error = Assert.Throws<WalletException>(() => _store.WriteColdkey("w", bob, null, "secret1", overwrite: false));

        Assert.Equal(WalletError.WalletExists, error.Code);
        Assert.Equal(before, File.ReadAllText(_temp.Combine("w", "coldkey")));
    }

    private static string RecomputedChecksum(EncryptedKeyfileData file)
    {
        var text = string.Join('|', file.Format, file.Ss58Address, file.Kdf, file.OpsLimit, file.MemLimit, file.Salt, file.Cipher, file.Nonce, file.Ciphertext);
        return Keyfile.Hex(Blake2b.Hash256(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void OpenColdkey_ColdkeypubSwapped_RefusedAsMismatch()
    {
        using var alice = DevAccounts.Alice();
        using var bob = DevAccounts.Bob();
        _store.WriteColdkey("a", alice, null, "secret1", overwrite: false);
        _store.WriteColdkey("b", bob, null, "secret1", overwrite: false);
        File.Copy(_temp.Combine("b", "coldkeypub.txt"), _temp.Combine("a", "coldkeypub.txt"), overwrite: true);

        var error = Assert.Throws<WalletException>(() => _store.OpenColdkey("a", "secret1"));

        Assert.Equal(WalletError.KeyfileMismatch, error.Code);
    }

    [Fact]
    public void WriteColdkey_ExistingWallet_RefusedUnlessOverwrite()
    {
        using var alice = DevAccounts.Alice();
        using var bob = DevAccounts.Bob();
        _store.WriteColdkey("w", alice, null, "secret1", overwrite: false);

        var error = Assert.Throws<WalletException>(() => _store.WriteColdkey("w", bob, null, "secret1", overwrite: false));
        Assert.Equal(WalletError.WalletExists, error.Code);
        Assert.Equal(Ss58.Encode(alice.PublicKey), _store.Show("w").ColdkeyAddress);

        _store.WriteColdkey("w", bob, null, "secret1", overwrite: true);
        Assert.Equal(Ss58.Encode(bob.PublicKey), _store.Show("w").ColdkeyAddress);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a\n")]
    [InlineData("")]
    public void WalletPath_UnsafeName_Refused(string name)
    {
        var error = Assert.Throws<WalletException>(() => _store.WalletPath(name));
        Assert.Equal(WalletError.InvalidWalletName, error.Code);
    }

    [Fact]
    public void OpenHotkey_Missing_RefusedAsHotkeyNotFound()
    {
        using var alice = DevAccounts.Alice();
        _store.WriteColdkey("w", alice, null, "secret1", overwrite: false);

        var error = Assert.Throws<WalletException>(() => _store.OpenHotkey("w", "nope"));

        Assert.Equal(WalletError.HotkeyNotFound, error.Code);
    }
}
