using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Api;
using Appliance.Tests.Support;

namespace Appliance.Tests.Security;

/// <summary>GET /api/events serves at most Api:MaxEventClients clients (<see cref="EventStreamSlots"/>); one that leaves frees its slot.</summary>
public sealed class EventStreamCapTests
{
    [Fact]
    public async Task Events_OverTheCap_Refused503_UntilAClientDisconnects()
    {
        await using var node = await TestNode.StartAsync(settings: new Dictionary<string, string?> { [EventStreamSlots.Setting] = "2" });
        var first = await OpenAsync(node);
        using var second = await OpenAsync(node);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using (var third = await OpenAsync(node))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
            var body = await third.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("TooManyEventClients", body.GetProperty("error").GetString());
            Assert.Contains($"2 clients ({EventStreamSlots.Setting})", body.GetProperty("detail").GetString());
        }

        first.Dispose();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpResponseMessage again;
        while ((again = await OpenAsync(node)).StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
        {
            again.Dispose();
            await Task.Delay(100);
        }
        using (again)
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }
    }

    [Fact]
    public async Task Events_CapNotAWholeNumber_RefusesToStartNamingTheKey()
    {
        var error = await Assert.ThrowsAsync<Appliance.Configuration.ConfigurationException>(() =>
            TestNode.StartAsync(settings: new Dictionary<string, string?> { [EventStreamSlots.Setting] = "0" }));

        Assert.Contains("Api:MaxEventClients (APPLIANCE_API__MAXEVENTCLIENTS)", Assert.Single(error.Problems));
    }

    /// <summary>Opens the stream and, when served, reads its first comment, so the slot is surely held.</summary>
    private static async Task<HttpResponseMessage> OpenAsync(TestNode node)
    {
        var response = await node.Http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
        if (response.IsSuccessStatusCode)
        {
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            Assert.Equal(": subscribed", await reader.ReadLineAsync());
        }
        return response;
    }
}
