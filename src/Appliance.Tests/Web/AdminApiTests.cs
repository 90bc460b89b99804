using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Appliance.Tests.Web;

[Collection("web")]
public sealed class AdminApiTests(WebFixture web)
{
    [Theory]
    [InlineData("/api/admin/miners", """{"name":"intruder"}""")]
    [InlineData("/api/admin/subnets/1/hyperparameters", """{"name":"tempo","value":3}""")]
    [InlineData("/api/admin/validators/validator1/stop", "{}")]
    public async Task Admin_WithoutOrWithWrongToken_Refused401AndNothingChanges(string path, string body)
    {
        var tempo = await TempoAsync();
        foreach (var token in new[] { null, "not-the-token" })
        {
            using var response = await PostAsync(path, body, token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Unauthorized", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
        Assert.Equal(tempo, await TempoAsync());
        var names = (await web.Up.GetAsync<JsonElement>("/api/miners")).EnumerateArray().Select(m => m.GetProperty("name").GetString());
        Assert.DoesNotContain("intruder", names);
        Assert.All((await web.Up.GetAsync<JsonElement>("/api/validators")).EnumerateArray(), v => Assert.True(v.GetProperty("running").GetBoolean()));
    }

    [Theory]
    [InlineData("""{"name":"no_such_parameter","value":1}""", "UnknownHyperparameter")]
    [InlineData("""{"name":"tempo"}""", "InvalidValue")]
    [InlineData("""{"name":"tempo","value":"soon"}""", "InvalidValue")]
    [InlineData("""{"name":"tempo","value":0}""", "ValueOutOfBounds")]
    public async Task Hyperparameter_BadChange_Refused400WithItsCode(string body, string code)
    {
        var tempo = await TempoAsync();
        using var response = await PostAsync("/api/admin/subnets/1/hyperparameters", body, web.Up.AdminToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(tempo, await TempoAsync());
    }

    [Fact]
    public async Task AddMiner_BadSettings_Refused400NamingEach()
    {
        using var response = await PostAsync("/api/admin/miners", """{"name":"bad name","temperature":3,"max_tokens":0}""", web.Up.AdminToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("Name must be a wallet name", detail);
        Assert.Contains("Temperature must be 0 to 2", detail);
        Assert.Contains("MaxTokens must be 1 to 512", detail);
    }

    private async Task<long> TempoAsync() =>
        (await web.Up.GetAsync<JsonElement>("/api/subnets/1/hyperparameters")).GetProperty("tempo").GetInt64();

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await web.Up.Http.SendAsync(request);
    }
}
