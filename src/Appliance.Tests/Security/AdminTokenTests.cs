using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Up;

namespace Appliance.Tests.Security;

/// <summary>
/// Every admin route needs the token, refused before anything of the request is read (<see cref="AdminGate"/>);
/// no CORS answers for them.
/// </summary>
[Collection("in-process up")]
public sealed class AdminTokenTests(InProcessUpFixture fixture)
{
    private InProcessUp Up => fixture.Up;

    [Fact]
    public async Task EveryAdminRoute_WithoutToken_Refused401BeforeItsBodyIsRead()
    {
        var routes = AdminRequests.Routes(Up);
        Assert.True(routes.Count >= 6, $"expected up's admin routes, found {routes.Count}");
        Assert.All(Up.Endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/api/admin", StringComparison.OrdinalIgnoreCase)),
            e => Assert.NotNull(e.Metadata.GetMetadata<AdminGate.AdminOnly>()));
        foreach (var (method, path) in routes)
        {
            // A body that does not bind would be a 400 if anything were read before the token.
            foreach (var body in new[] { "{}", "not json" })
            {
                foreach (var spelling in new[] { path, path.ToUpperInvariant() })
                {
                    using var request = AdminRequests.Request(method, spelling, token: null, body);
                    using var response = await Up.Http.SendAsync(request);
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {spelling} with {body}: {(int)response.StatusCode}");
                    Assert.Equal("Unauthorized", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
                }
            }
        }
    }

    [Theory]
    [InlineData("not-the-token")]
    [InlineData("")]
    public async Task AdminRoute_WrongToken_Refused401(string token)
    {
        using var request = AdminRequests.Request("POST", "/api/admin/validators/validator1/stop", token);
        using var response = await Up.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(Up.Runner.Neurons!.ValidatorStatuses().Single().Running);
    }

    [Fact]
    public async Task AdminRoute_RightToken_PassesTheGate()
    {
        using var request = AdminRequests.Request("POST", "/api/admin/validators/nosuch/stop", Up.AdminToken);
        using var response = await Up.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task EveryAdminRoute_CrossOrigin_NoAccessControlAllowOrigin()
    {
        foreach (var (method, path) in AdminRequests.Routes(Up))
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, path);
            preflight.Headers.Add("Origin", "http://evil.example");
            preflight.Headers.Add("Access-Control-Request-Method", method);
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization, content-type");
            using var preflightResponse = await Up.Http.SendAsync(preflight);
            Assert.False(preflightResponse.Headers.Contains("Access-Control-Allow-Origin"), $"preflight of {method} {path}");
            Assert.False(preflightResponse.IsSuccessStatusCode, $"preflight of {method} {path}: {(int)preflightResponse.StatusCode}");

            foreach (var token in new[] { null, Up.AdminToken })
            {
                using var request = AdminRequests.Request(method, path, token);
                request.Headers.Add("Origin", "http://evil.example");
                using var response = await Up.Http.SendAsync(request);
                Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), $"{method} {path} with Origin");
            }
        }
    }
}
