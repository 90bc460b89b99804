using Appliance.ApiClient;
using Appliance.Axon;
using Appliance.Mining;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Tests.Axon;

/// <summary>
/// Where a miner listens and where serve_axon says it is: the same by default, the external address and
/// port when given (a machine behind NAT or a forwarded port, as bittensor's external_ip/external_port).
/// </summary>
public sealed class MinerAnnouncementTests(PermittedValidatorNode chain) : IClassFixture<PermittedValidatorNode>
{
    [Fact]
    public async Task Miner_ExternalAddressGiven_ListensOnItsOwn_AnnouncesTheExternalOne()
    {
        using var node = new NodeClient(chain.Node.Url);
        var options = new AxonOptions { Ip = "127.0.0.3", Port = 0, ExternalIp = "127.0.0.5", ExternalPort = 9099, Netuid = PermittedValidatorNode.Netuid, Hotkey = chain.Miner };

        await using var miner = await Miner.StartAsync("m", options, new MinerGenerator(new EchoTextGenerator(), 0, 8), node,
            new NodeValidatorPermits(node, NullLogger<NodeValidatorPermits>.Instance), NullLoggerFactory.Instance, CancellationToken.None);

        Assert.Equal("127.0.0.3", miner.Url.Host);
        Assert.NotEqual(9099, miner.Url.Port);
        Assert.Equal(new Uri("http://127.0.0.5:9099/"), miner.Announced);
        var neurons = (await chain.Node.GetJsonAsync("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray();
        var axon = neurons.Single(n => n.GetProperty("hotkey").GetString() == miner.Hotkey).GetProperty("axon");
        Assert.Equal(("127.0.0.5", 9099), (axon.GetProperty("ip").GetString(), axon.GetProperty("port").GetInt32()));
    }

    [Theory]
    [InlineData("0.0.0.0", null, null, "Axon ExternalIp: validators cannot reach 0.0.0.0")]
    [InlineData("::", "::", null, "Axon ExternalIp: validators cannot reach ::")]
    [InlineData("127.0.0.1", "host.example", null, "Axon ExternalIp: 'host.example' is not an IP address.")]
    [InlineData("127.0.0.1", null, 0, "Axon ExternalPort: must be 1 to 65535, got 0.")]
    public void AxonOptions_UnannounceableAddress_NamedProblem(string ip, string? externalIp, int? externalPort, string problem)
    {
        var options = new AxonOptions { Ip = ip, ExternalIp = externalIp, ExternalPort = externalPort, Netuid = PermittedValidatorNode.Netuid, Hotkey = chain.Miner };

        Assert.Contains(options.Problems(), p => p.StartsWith(problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.3", 8091, "http://127.0.0.3:8091/")]
    [InlineData("::1", 8091, "http://[::1]:8091/")]
    [InlineData("2001:db8::7", 443, "http://[2001:db8::7]:443/")]
    public void AxonEndpoint_FromMetagraphAddress_IPv6InBrackets(string ip, int port, string url) =>
        Assert.Equal(url, AxonEndpoint.Url(ip, port).ToString());
}
