using Appliance.Tests.Support;

namespace Appliance.Tests.Node;

/// <summary>
/// Node:EmissionModel (`--emission-model`) picks a new development chain's model; a data folder keeps the chain
/// it holds when the setting is left out, and a value that is neither model stops start-up with one line.
/// </summary>
public sealed class EmissionModelSettingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task NewChain_Classic_StaysClassicWithoutTheSetting_DefaultIsDynamic()
    {
        var classic = _dir.Combine("classic");
        await using (var node = await TestNode.StartAsync(classic, settings: new Dictionary<string, string?> { ["Node:EmissionModel"] = "classic" }))
        {
            Assert.Equal("classic", (await node.GetJsonAsync("/api/chain/issuance")).GetProperty("emission_model").GetString());
        }
        await using (var again = await TestNode.StartAsync(classic))
        {
            Assert.Equal("classic", (await again.GetJsonAsync("/api/chain/issuance")).GetProperty("emission_model").GetString());
        }
        await using var fresh = await TestNode.StartAsync(_dir.Combine("fresh"));
        Assert.Equal("dynamic", (await fresh.GetJsonAsync("/api/chain/issuance")).GetProperty("emission_model").GetString());
    }

    [Theory]
    [InlineData("node")]
    [InlineData("up")]
    public async Task Command_UnknownEmissionModel_OneLineNamingTheKey_ExitTwo_NoFileCreated(string command)
    {
        var result = await new CliRunner(_dir.Path).RunAsync(command, "--data", _dir.Combine("data"), "--wallets-dir", _dir.Combine("wallets"),
            "--emission-model", "sideways");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Node:EmissionModel", result.Error, StringComparison.Ordinal);
        Assert.Contains("must be \"dynamic\" or \"classic\", got 'sideways'", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.Path));
    }
}
