using System.Net;
using Appliance.Hosting;
using Appliance.Tests.Support;

namespace Appliance.Tests.Security;

/// <summary>Kestrel's limits on the node (<see cref="RequestLimits"/>): refused with 413 and 431, and the node keeps serving.</summary>
public sealed class RequestLimitsTests : IAsyncLifetime
{
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Body_OverTheLimit_Refused413_ThenTheNodeKeepsServing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/extrinsics")
        {
            Content = new ByteArrayContent(new byte[RequestLimits.MaxBodyBytes + 1]),
        };
        request.Content.Headers.ContentType = new("application/json");
        // The client waits for 100 Continue, so the refusal comes before the megabyte is sent.
        request.Headers.ExpectContinue = true;

        using var response = await _node.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Headers_OverTheTotalSize_Refused431_ThenTheNodeKeepsServing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/chain/head");
        request.Headers.Add("X-Padding", new string('a', RequestLimits.MaxHeadersTotalBytes + 1));

        using var response = await _node.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Headers_OverTheCount_Refused431_ThenTheNodeKeepsServing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/chain/head");
        for (var i = 0; i <= RequestLimits.MaxHeaderCount; i++)
        {
            request.Headers.Add($"X-Header-{i}", "x");
        }

        using var response = await _node.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        using var head = await _node.Http.GetAsync("/api/chain/head");
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }
}
