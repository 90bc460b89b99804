using System.Net;
using System.Net.Sockets;
using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>`up`, `node` and `chain verify` refuse what they cannot use with one line, before writing anything.</summary>
public sealed class UpErrorsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly TcpListener _holder = new(IPAddress.Loopback, 0);

    public UpErrorsTests() => _holder.Start();

    public void Dispose()
    {
        _holder.Stop();
        _dir.Dispose();
    }

    private int BusyPort => ((IPEndPoint)_holder.LocalEndpoint).Port;

    [Theory]
    [InlineData("up")]
    [InlineData("node")]
    public async Task Command_PortInUse_OneLineExitOne_NoFileCreated(string command)
    {
        var result = await new CliRunner(_dir.Path).RunAsync(command, "--data", _dir.Combine("data"), "--wallets-dir", _dir.Combine("wallets"),
            "--urls", $"http://127.0.0.1:{BusyPort}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: PortInUse: 127.0.0.1:{BusyPort} is in use", result.Error.TrimEnd());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));
    }

    [Fact]
    public async Task ChainVerify_FolderMissing_NoChainNamesIt_NoBlockBlamed()
    {
        var missing = _dir.Combine("nowhere");

        var result = await new CliRunner(_dir.Path).RunAsync("chain", "verify", "--data", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: NoChain: {missing} does not exist.", result.Error.TrimEnd());
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task ChainVerify_FolderWithoutChain_NoChainNamesIt_NoBlockBlamed()
    {
        var result = await new CliRunner(_dir.Path).RunAsync("chain", "verify", "--data", _dir.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: NoChain: there is no chain.db in {_dir.Path}.", result.Error.TrimEnd());
    }
}
