using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace Appliance.Tests.Web;

[Collection("web")]
public sealed class MinersPageTests(WebFixture web)
{
    [Fact]
    public async Task StopMiner_WithoutToken_RefusedAndStillRunning()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await WebFixture.GoAsync(page, "/miners", "#miners tr[data-name='miner2'] button");
        await page.Locator("#miners tr[data-name='miner2'] button.stop").ClickAsync();

        await Assertions.Expect(page.Locator("#admin-result")).ToContainTextAsync("Unauthorized");
        Assert.True(Miner(await web.Up.GetAsync<JsonElement>("/api/miners"), "miner2").GetProperty("running").GetBoolean());
        using var bare = await web.Up.Http.PostAsync("/api/admin/miners/miner2/stop", null);
        Assert.Equal(HttpStatusCode.Unauthorized, bare.StatusCode);
        await browser.CloseAsync();
    }

    [Fact]
    public async Task StopMiner_WithToken_RowInactiveAndIncentiveFallsOverTheNextEpochs()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await WebFixture.GoAsync(page, "/miners", "#miners tr[data-name='miner2'] button");
        var stopped = await WaitForIncentiveAsync("miner2");
        var running = await WaitForIncentiveAsync("miner1");
        // Against a miner that keeps running, so a miner added by another test (which dilutes everyone) cannot pass this.
        var before = await IncentiveAsync(stopped) / await IncentiveAsync(running);
        try
        {
            await page.Locator("#admin-token").FillAsync(web.Up.AdminToken);
            await page.Locator("#miners tr[data-name='miner2'] button.stop").ClickAsync();
            await Assertions.Expect(page.Locator("#admin-result")).ToContainTextAsync("miner2 stopped");
            await Assertions.Expect(page.Locator("#miners tr[data-name='miner2']")).ToHaveClassAsync("inactive");
            await Assertions.Expect(page.Locator("#miners tr[data-name='miner2'] td.state")).ToHaveTextAsync("stopped");
            await browser.ScreenshotAsync("miners");

            // Validators time out on it; once the lowered weights are revealed, the epochs pay it less.
            await web.Up.WaitUntilAsync(async () => await IncentiveAsync(stopped) / await IncentiveAsync(running) < before / 2,
                TimeSpan.FromSeconds(120), $"miner2's incentive to fall below half its share against miner1 ({before:0.000})");
            // The page follows: it shows the fallen incentive within a few blocks.
            var fallen = (await IncentiveAsync(stopped) + 1e-4).ToString("R", CultureInfo.InvariantCulture);
            await page.WaitForFunctionAsync($"() => parseFloat(document.querySelector(\"#miners tr[data-name='miner2'] td.incentive\").textContent) <= {fallen}",
                null, new PageWaitForFunctionOptions { Timeout = 30_000 });

            await page.Locator("#miners tr[data-name='miner2'] button.start").ClickAsync();
            await Assertions.Expect(page.Locator("#miners tr[data-name='miner2'] td.state")).ToHaveTextAsync("running");
        }
        finally
        {
            // The other tests share this appliance: miner2 serves again whatever happened here.
            using var start = new HttpRequestMessage(HttpMethod.Post, "/api/admin/miners/miner2/start");
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", web.Up.AdminToken);
            using var started = await web.Up.Http.SendAsync(start);
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        }
        await browser.CloseAsync();
    }

    [Fact]
    public async Task AddMiner_WithTheSharedModel_RegistersAndServes()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await WebFixture.GoAsync(page, "/miners", "#add-miner-submit");
        await page.Locator("#admin-token").FillAsync(web.Up.AdminToken);

        await page.Locator("#add-miner-name").FillAsync("miner-extra");
        await page.Locator("#add-miner-model").FillAsync(Path.Combine(web.DataDir, "models", "missing.gguf"));
        await page.Locator("#add-miner-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#admin-result")).ToContainTextAsync("names no file");

        await page.Locator("#add-miner-model").FillAsync(Path.Combine(web.DataDir, "models", "tiny.gguf"));
        await page.Locator("#add-miner-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#admin-result")).ToContainTextAsync("miner-extra added", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#miners tr[data-name='miner-extra'] td.state")).ToHaveTextAsync("running");

        var hotkey = Miner(await web.Up.GetAsync<JsonElement>("/api/miners"), "miner-extra").GetProperty("hotkey").GetString();
        var neurons = (await web.Up.GetAsync<JsonElement>("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray();
        Assert.Contains(neurons, n => n.GetProperty("hotkey").GetString() == hotkey && n.GetProperty("axon").ValueKind == JsonValueKind.Object);
        await browser.CloseAsync();
    }

    private async Task<ushort> WaitForIncentiveAsync(string miner)
    {
        var hotkey = Miner(await web.Up.GetAsync<JsonElement>("/api/miners"), miner).GetProperty("hotkey").GetString();
        ushort uid = 0;
        await web.Up.WaitUntilAsync(async () =>
        {
            var neuron = (await web.Up.GetAsync<JsonElement>("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray()
                .First(n => n.GetProperty("hotkey").GetString() == hotkey);
            uid = neuron.GetProperty("uid").GetUInt16();
            return neuron.GetProperty("incentive").GetDouble() > 0;
        }, TimeSpan.FromSeconds(120), $"{miner} to earn incentive");
        return uid;
    }

    private async Task<double> IncentiveAsync(ushort uid) =>
        (await web.Up.GetAsync<JsonElement>($"/api/subnets/1/neurons/{uid}")).GetProperty("neuron").GetProperty("incentive").GetDouble();

    private static JsonElement Miner(JsonElement miners, string name) => miners.EnumerateArray().First(m => m.GetProperty("name").GetString() == name);
}
