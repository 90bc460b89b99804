using System.Text.Json;
using Microsoft.Playwright;

namespace Appliance.Tests.Web;

[Collection("web")]
public sealed class NeuronPageTests(WebFixture web)
{
    [Fact]
    public async Task MinerPage_ShowsItsEpochHistoryAndItsRealAnswersBesideTheExpectedOnes()
    {
        var miner = (await web.Up.GetAsync<JsonElement>("/api/miners")).EnumerateArray().First(m => m.GetProperty("name").GetString() == "miner1");
        var hotkey = miner.GetProperty("hotkey").GetString();
        var uid = (await web.Up.GetAsync<JsonElement>("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray()
            .First(n => n.GetProperty("hotkey").GetString() == hotkey).GetProperty("uid").GetInt32();
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;

        await WebFixture.GoAsync(page, $"/subnets/1/neurons/{uid}", "#neuron-history tbody tr");
        await Assertions.Expect(page.Locator("#neuron-queries tbody tr").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Contains(hotkey![..8], await page.Locator("main").TextContentAsync());
        var statuses = await page.Locator("#neuron-queries tbody tr td:nth-child(7)").AllTextContentsAsync();
        Assert.Contains("200", statuses);
        // miner1 serves the trained model: some of its answers are the expected ones, word for word.
        var answers = await page.Locator("#neuron-queries td.answer").AllTextContentsAsync();
        var expected = await page.Locator("#neuron-queries tbody tr td:nth-child(5)").AllTextContentsAsync();
        Assert.Contains(answers.Zip(expected), pair => pair.First.Trim().Length > 0 && pair.First.Trim() == pair.Second.Trim());
        await browser.ScreenshotAsync("neuron");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task UnknownUid_SaysSo()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await WebFixture.GoAsync(page, "/subnets/1/neurons/999", "#not-found");
        await Assertions.Expect(page.Locator("#not-found")).ToContainTextAsync("has no uid 999");
        await browser.CloseAsync();
    }
}
