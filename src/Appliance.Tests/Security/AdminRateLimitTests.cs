using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Appliance.Tests.Security;

/// <summary>Failed admin tokens are counted per client IP: past the limit the client is refused, right token or not, until the window ends.</summary>
public sealed class AdminRateLimitTests : IAsyncLifetime
{
    private const int Limit = 3;
    private InProcessUp _up = null!;

    public async Task InitializeAsync() =>
        _up = await InProcessUp.StartAsync(new Dictionary<string, string?>
        {
            ["Up:AdminFailureLimit"] = Limit.ToString(),
            ["Up:AdminFailureWindowSeconds"] = "5",
        });

    public async Task DisposeAsync() => await _up.DisposeAsync();

    [Fact]
    public async Task AdminToken_ManyWrong_Refused429WithRetryAfter_EvenTheRightOne_UntilTheWindowEnds()
    {
        for (var attempt = 0; attempt < Limit; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync($"wrong-{attempt}"));
        }

        using (var refused = await SendAsync("still-wrong"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("TooManyFailedTokens", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
            Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 5);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(_up.AdminToken));
        Assert.Equal(HttpStatusCode.TooManyRequests, await StatusAsync(null));

        // Once the window has passed the right token is let through again (404: there is no such validator; 503: up still starting).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        while ((status = await StatusAsync(_up.AdminToken)) == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.Contains(status, new[] { HttpStatusCode.NotFound, HttpStatusCode.ServiceUnavailable });
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync("wrong-again"));
    }

    private async Task<HttpStatusCode> StatusAsync(string? token)
    {
        using var response = await SendAsync(token);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(string? token)
    {
        using var request = AdminRequests.Request("POST", "/api/admin/validators/nosuch/stop", token);
        return await _up.Http.SendAsync(request);
    }
}
