using Appliance.Models.Trained;
using Appliance.Tests.Support;
using Appliance.Up;
using Appliance.Wallets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Tests.Security;

/// <summary>A wallet or hotkey name cannot leave the wallets folder; a model added while up runs must come from its models folders.</summary>
public sealed class PathEscapeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> EscapingNames => ["../escape", "..", ".", "/tmp/absolute", "a/b", "a\\b", "~", "-rf"];

    [Theory]
    [MemberData(nameof(EscapingNames))]
    public void NewWallet_NameOrHotkeyLeavingTheFolder_RefusedInOneLine_NothingWritten(string name)
    {
        var store = new WalletStore(_dir.Combine("root", "wallets"));

        var wallet = Assert.Throws<WalletException>(() => NewWallet.Create(store, name, "default", "secret1"));
        var hotkey = Assert.Throws<WalletException>(() => NewWallet.Create(store, "w", name, "secret1"));

        Assert.Equal(WalletError.InvalidWalletName, wallet.Code);
        Assert.Equal(WalletError.InvalidHotkeyName, hotkey.Code);
        Assert.DoesNotContain('\n', wallet.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void AddedMinerModel_OnlyFromTheModelsFoldersOrWhatTheOperatorConfigured()
    {
        var data = _dir.Combine("data");
        var configured = _dir.Combine("operator", "chosen.gguf");
        using var catalog = new ModelCatalog(new UpOptions { Miners = [new MinerOptions { Name = "m", Model = configured }] }, data, NullLoggerFactory.Instance);

        Assert.True(catalog.Permits(null));
        Assert.True(catalog.Permits(Path.Combine(data, "models", "added.gguf")));
        Assert.True(catalog.Permits(Path.Combine(TrainedModels.Folder, TrainedModels.TrainedFile)));
        Assert.True(catalog.Permits(configured));
        Assert.False(catalog.Permits(_dir.Combine("operator", "other.gguf")));
        Assert.False(catalog.Permits(Path.Combine(data, "models", "..", "chain.db")));
        Assert.False(catalog.Permits(Path.Combine(data, "models")));
        Assert.False(catalog.Permits(data + "/models-elsewhere/x.gguf"));
        Assert.False(catalog.Permits("/etc/passwd"));
    }
}

/// <summary>The admin API's "add miner" refuses a model outside the models folders before touching it.</summary>
[Collection("in-process up")]
public sealed class AddMinerModelTests(InProcessUpFixture fixture)
{
    [Fact]
    public async Task AddMiner_ModelOutsideTheModelsFolders_Refused400_NoMinerAdded()
    {
        var up = fixture.Up;
        var outside = Path.Combine(up.DataDir, "models", "..", "outside.gguf");
        File.Copy(TinyModel.Path, Path.Combine(up.DataDir, "outside.gguf"));

        foreach (var model in new[] { outside, "/etc/passwd" })
        {
            using var request = AdminRequests.Request("POST", "/api/admin/miners", up.AdminToken,
                System.Text.Json.JsonSerializer.Serialize(new { name = "intruder", model }));
            using var response = await up.Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("MinerRefused", body);
            Assert.Contains("outside the models folders", body);
        }
        Assert.DoesNotContain(up.Runner.Neurons!.MinerStatuses(), m => m.Name == "intruder");
        Assert.False(new WalletStore(up.WalletsDir).Exists("intruder"));
    }
}
