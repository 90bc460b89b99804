using Appliance.ApiClient;
using Appliance.Axon;
using Appliance.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Tests.Axon;

public sealed class NodeValidatorPermitsTests(PermittedValidatorNode chain) : IClassFixture<PermittedValidatorNode>
{
    [Fact]
    public async Task CheckAsync_ManyChecks_FetchTheMetagraphAtMostOncePerBlock()
    {
        var counter = new CountingHandler();
        using var http = new NodeClient(chain.Node.Url, counter);
        var permits = new NodeValidatorPermits(http, NullLogger<NodeValidatorPermits>.Instance, TimeProvider.System, TimeSpan.Zero);
        var validator = TestChain.Id(chain.Validator).Address;
        var before = await Head();

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(PermitStatus.Permitted, (await permits.CheckAsync(PermittedValidatorNode.Netuid, validator, default)).Status);
            await Task.Delay(10);
        }

        var blocks = await Head() - before + 1;
        Assert.Equal(30, counter.Heads);
        Assert.InRange(counter.Metagraphs, 1, (int)blocks);
        Assert.True(counter.Metagraphs < 30, $"{counter.Metagraphs} metagraph fetches over {blocks} blocks");
    }

    [Fact]
    public async Task CheckAsync_NodeDown_Unavailable_NotBlacklisted()
    {
        using var http = new NodeClient("http://127.0.0.1:9/");
        var permits = new NodeValidatorPermits(http, NullLogger<NodeValidatorPermits>.Instance);

        var check = await permits.CheckAsync(PermittedValidatorNode.Netuid, TestChain.Id(chain.Validator).Address, default);

        Assert.Equal(PermitStatus.Unavailable, check.Status);
        Assert.Contains("could not be read", check.Detail);
    }

    private async Task<ulong> Head() => (await chain.Node.GetJsonAsync("/api/chain/head")).GetProperty("number").GetUInt64();

    private sealed class CountingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        private int _heads;
        private int _metagraphs;

        public int Heads => _heads;

        public int Metagraphs => _metagraphs;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/metagraph"))
            {
                Interlocked.Increment(ref _metagraphs);
            }
            else if (request.RequestUri.AbsolutePath.EndsWith("/chain/head"))
            {
                Interlocked.Increment(ref _heads);
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
