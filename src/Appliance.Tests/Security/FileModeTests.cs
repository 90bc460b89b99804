using Appliance.Tests.Support;
using Appliance.Up;
using Appliance.Wallets;

namespace Appliance.Tests.Security;

/// <summary>Secrets on disk are the owner's only: files 0600, folders 0700 (<see cref="AtomicFile"/>).</summary>
public sealed class FileModeTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void NewWallet_FilesAre0600_FoldersAre0700()
    {
        var store = new WalletStore(_dir.Combine("wallets"));

        NewWallet.Create(store, "w", "default", "secret1");

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_dir.Combine("wallets")));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_dir.Combine("wallets", "w")));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_dir.Combine("wallets", "w", "hotkeys")));
        foreach (var file in new[] { "coldkey", "coldkeypub.txt", Path.Combine("hotkeys", "default") })
        {
            Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(_dir.Combine("wallets", "w", file)));
        }
    }

    [Fact]
    public void UpSecrets_AdminTokenFileAndPasswordFile_Are0600()
    {
        ApplianceSecrets.LoadOrCreate(_dir.Combine("data"), _dir.Combine("wallets"), configuredPassword: null);

        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(_dir.Combine("data", ApplianceSecrets.FileName)));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(_dir.Combine("wallets", ApplianceSecrets.PasswordFileName)));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_dir.Combine("wallets")));
    }
}

/// <summary>The same, on the files a running up made.</summary>
[Collection("in-process up")]
public sealed class UpFileModeTests(InProcessUpFixture fixture)
{
    [Fact]
    public void RunningUp_SecretsAndWallets_OwnerOnly()
    {
        var up = fixture.Up;
        var files = new[] { Path.Combine(up.DataDir, ApplianceSecrets.FileName), Path.Combine(up.WalletsDir, ApplianceSecrets.PasswordFileName) }
            .Concat(Directory.EnumerateFiles(up.WalletsDir, "*", SearchOption.AllDirectories))
            .Distinct()
            .ToList();
        var folders = Directory.EnumerateDirectories(up.WalletsDir, "*", SearchOption.AllDirectories).Append(up.WalletsDir).ToList();

        Assert.Contains(files, f => f.EndsWith(Path.Combine("validator1", "coldkey"), StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{f}: {File.GetUnixFileMode(f)}"));
        Assert.All(folders, d => Assert.True(File.GetUnixFileMode(d) == (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute), $"{d}: {File.GetUnixFileMode(d)}"));
    }
}
