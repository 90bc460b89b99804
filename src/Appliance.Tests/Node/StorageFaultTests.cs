using Appliance.Chain.Genesis;
using Appliance.Node;
using Appliance.Storage;
using Appliance.Tests.Support;

namespace Appliance.Tests.Node;

/// <summary>
/// The data folder failing: full under a running node, read-only at start, a damaged page. A block that
/// cannot be written is not written at all, the node says so once and keeps answering, sealing resumes when
/// writes work again, and after a SIGKILL the chain restarts intact and replays.
/// </summary>
public sealed class StorageFaultTests
{
    [RootFact]
    public async Task Sealing_DiskFullThenFreed_NodeSaysSoKeepsAnsweringResumes_RestartsIntact()
    {
        using var disk = new SmallDisk(mebibytes: 8);
        await FaultThenRecover(disk, "the disk is full", disk.Fill, disk.Free);
    }

    /// <summary>
    /// Linux will not make a filesystem read-only while a process holds files on it open for writing (remount
    /// fails with EBUSY), so a running node meets a read-only folder only through an I/O error, which takes the
    /// disk-full path above (SQLITE_IOERR/READONLY). What a user does meet is a start on a read-only folder.
    /// </summary>
    [RootFact]
    public async Task Start_ReadOnlyDataFolder_OneLineErrorAndTheChainUntouched()
    {
        using var disk = new SmallDisk(mebibytes: 16);
        using (var node = await NodeProcess.StartAsync(disk.Path, blockTimeMs: 100))
        {
            await node.WaitUntilAsync(async () => await node.HeightAsync() >= 3, "three blocks");
        }
        var before = Hashes(disk.Path);
        disk.ReadOnly(true);

        var refused = await new CliRunner(disk.Path).RunAsync("node", "--data", disk.Path, "--urls", "http://127.0.0.1:0", "--block-time", "100");

        Assert.Equal(1, refused.ExitCode);
        var line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains("Read-only file system", line);
        Assert.Equal(before, Hashes(disk.Path));
        disk.ReadOnly(false);
        var verified = ChainVerifier.Verify(disk.Path);
        Assert.True(verified.Valid, verified.Problem);
    }

    [Fact]
    public void Open_DamagedPage_RefusedAtStartWithCorruptDatabaseNamingTheFile()
    {
        using var temp = new TempDirectory();
        var database = ChainDatabase.InDataDirectory(temp.Path);
        using (var alice = TestChain.Key("//Alice"))
        using (var chain = new ChainService(database, GenesisConfig.Development(), alice))
        {
            for (var i = 0; i < 40; i++)
            {
                chain.ProduceBlock((ulong)(1_700_000_000_000 + i * 1000), _ => []);
            }
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var file = File.OpenWrite(database.Path))
        {
            file.Position = file.Length / 2;
            file.Write(Enumerable.Repeat((byte)0xA5, 4096).ToArray());
        }

        using var again = TestChain.Key("//Alice");
        var refused = Assert.Throws<InvalidDataException>(() => new ChainService(database, GenesisConfig.Development(), again));

        Assert.StartsWith("CorruptDatabase: ", refused.Message);
        Assert.Contains(database.Path, refused.Message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static string Hashes(string folder) => string.Join(",", Directory.GetFiles(folder).Order()
        .Select(f => $"{Path.GetFileName(f)}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}"));

    private static async Task FaultThenRecover(SmallDisk disk, string said, Action fault, Action recover)
    {
        using (var node = await NodeProcess.StartAsync(disk.Path, blockTimeMs: 100))
        {
            await node.WaitUntilAsync(async () => await node.HeightAsync() >= 5, "five blocks");
            fault();
            await node.WaitUntilAsync(() => Task.FromResult(node.Lines.Any(l => l.Contains("not sealed") && l.Contains(said))), $"the node to say '{said}'");
            var stuck = await node.HeightAsync();
            await node.WaitUntilAsync(async () => (await node.Http.GetAsync("/api/chain/head")).IsSuccessStatusCode, "the API to answer while sealing is paused");
            Assert.Equal(stuck, await node.HeightAsync());
            Assert.Single(node.Lines, l => l.Contains("not sealed"));

            recover();
            await node.WaitUntilAsync(async () => await node.HeightAsync() > stuck + 3, "sealing to resume");
            Assert.Contains(node.Lines, l => l.Contains("sealing resumed"));
            node.Kill();
        }
        var verified = ChainVerifier.Verify(disk.Path);
        Assert.True(verified.Valid, verified.Problem);
        using var restarted = await NodeProcess.StartAsync(disk.Path, blockTimeMs: 100);
        var height = await restarted.HeightAsync();
        Assert.True(height >= verified.Height, $"restarted at #{height}, below the #{verified.Height} verified before");
    }
}
