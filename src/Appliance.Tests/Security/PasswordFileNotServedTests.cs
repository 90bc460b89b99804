using Appliance.Up;

namespace Appliance.Tests.Security;

/// <summary>up's generated wallet password (<see cref="ApplianceSecrets.PasswordFileName"/>) is never served over HTTP, by any path.</summary>
[Collection("in-process up")]
public sealed class PasswordFileNotServedTests(InProcessUpFixture fixture)
{
    [Fact]
    public async Task PasswordFile_RequestedByEveryPlausiblePath_NeverServed()
    {
        var up = fixture.Up;
        var password = File.ReadAllText(Path.Combine(up.WalletsDir, ApplianceSecrets.PasswordFileName)).Trim();
        var adminToken = up.AdminToken;
        var name = ApplianceSecrets.PasswordFileName;
        var absolute = Path.Combine(up.WalletsDir, name);
        var targets = new[]
        {
            $"/{name}", $"/wallets/{name}", $"/data/wallets/{name}", $"/wwwroot/{name}", $"/lib/{name}", $"/_content/{name}",
            $"/_framework/{name}", $"/api/{name}", $"/api/wallets/{name}", absolute, "/" + Uri.EscapeDataString(absolute),
            $"/../{name}", $"/%2e%2e/{name}", $"/%2e%2e%2f{name}", $"/..%2f..%2f{name}", $"/lib/../../{name}",
            $"/lib/%2e%2e/%2e%2e/data/wallets/{name}", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e" + absolute,
            $"/{Uri.EscapeDataString(name)}", $"/wallets/%2e{name[1..]}", "/appliance.json", "/data/appliance.json",
            "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e" + Path.Combine(up.DataDir, ApplianceSecrets.FileName),
        };

        foreach (var target in targets)
        {
            var (status, response) = await RawHttp.GetAsync(up.Url, target);

            Assert.True(status is 400 or 404, $"GET {target}: {status}");
            Assert.DoesNotContain(password, response);
            Assert.DoesNotContain(adminToken, response);
        }
    }
}
