using Appliance.Tests.Support;

namespace Appliance.Tests.Up;

/// <summary>A bad `up` configuration stops start-up with one line per bad key, before anything is written.</summary>
public sealed class UpConfigurationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Up_BadValues_ExitTwo_OneLineNamingEachKey_NoChainCreated()
    {
        var config = _dir.Combine("bad.json");
        await File.WriteAllTextAsync(config, """
            { "Up": { "Tempo": 0, "Miners": [ { "Name": "m1", "Temperature": 3 }, { "Name": "m1" } ] } }
            """);
        var result = await new CliRunner(_dir.Path).RunAsync("up", "--data", _dir.Combine("data"), "--config", config, "--urls", "http://127.0.0.1:0");
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("Up:Tempo (APPLIANCE_UP__TEMPO) must be 1 to 50400 blocks, got 0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Up:Miners:0:Temperature (APPLIANCE_UP__MINERS__0__TEMPERATURE) must be 0 to 2, got 3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Up:Miners:1:Name (APPLIANCE_UP__MINERS__1__NAME) 'm1' is used twice", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_dir.Combine("data")));
    }

    [Fact]
    public async Task Up_MissingConfigFile_ExitTwo_NamesIt()
    {
        var result = await new CliRunner(_dir.Path).RunAsync("up", "--data", _dir.Combine("data"), "--config", _dir.Combine("absent.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("absent.json: no such file", result.Error, StringComparison.Ordinal);
    }
}
