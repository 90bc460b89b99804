using Appliance.Configuration;
using Appliance.Tests.Support;
using Appliance.Up;
using Appliance.Wallets;

namespace Appliance.Tests.Up;

/// <summary>Which wallets folder up and the UI use, and the password up's own wallets there are made with.</summary>
public sealed class UpWalletsFolderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WalletsDir_NotSet_TheCliDefault()
    {
        var node = new NodeOptions { DataDir = _dir.Combine("data") };

        Assert.Equal(WalletStore.DefaultRoot, node.WalletsDir);
        Assert.StartsWith(Path.GetTempPath(), WalletStore.DefaultRoot);
    }

    [Fact]
    public void WalletsDir_DataFolderFromAnEarlierUp_KeepsItsWallets()
    {
        Directory.CreateDirectory(_dir.Combine("data", "wallets"));

        Assert.Equal(_dir.Combine("data", "wallets"), new NodeOptions { DataDir = _dir.Combine("data") }.WalletsDir);
    }

    [Fact]
    public void WalletsDir_Set_Wins()
    {
        Directory.CreateDirectory(_dir.Combine("data", "wallets"));

        Assert.Equal(_dir.Combine("mine"), new NodeOptions { DataDir = _dir.Combine("data"), WalletsDir = _dir.Combine("mine") }.WalletsDir);
    }

    [Fact]
    public void Secrets_TwoDataFoldersShareAWalletsFolder_SameWalletPassword_OwnAdminTokens_RestartKeepsThem()
    {
        var wallets = _dir.Combine("wallets");

        var first = ApplianceSecrets.LoadOrCreate(_dir.Combine("one"), wallets, null);
        var second = ApplianceSecrets.LoadOrCreate(_dir.Combine("two"), wallets, null);

        Assert.Equal(first.WalletPassword, second.WalletPassword);
        Assert.NotEqual(first.AdminToken, second.AdminToken);
        Assert.Equal(first, ApplianceSecrets.LoadOrCreate(_dir.Combine("one"), wallets, null));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(wallets, ApplianceSecrets.PasswordFileName)));
        Assert.Empty(new WalletStore(wallets).List());
    }

    [Fact]
    public void Secrets_DataFolderFromAnEarlierUp_KeepsItsWalletPassword()
    {
        Directory.CreateDirectory(_dir.Combine("data"));
        File.WriteAllText(_dir.Combine("data", ApplianceSecrets.FileName), """{ "admin_token": "t0k3n", "wallet_password": "older" }""");

        var secrets = ApplianceSecrets.LoadOrCreate(_dir.Combine("data"), _dir.Combine("data", "wallets"), null);

        Assert.Equal(new ApplianceSecrets("t0k3n", "older"), secrets);
        Assert.False(File.Exists(_dir.Combine("data", "wallets", ApplianceSecrets.PasswordFileName)));
    }

    [Fact]
    public void Secrets_PasswordConfigured_Wins()
    {
        Assert.Equal("set", ApplianceSecrets.LoadOrCreate(_dir.Combine("data"), _dir.Combine("wallets"), "set").WalletPassword);
    }
}
