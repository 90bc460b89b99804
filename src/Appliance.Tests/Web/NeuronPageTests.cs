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
    public async Task NeuronPage_HistoryAndQueries_ShowTwentyAtATime_WithOlderAndNewerPages()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await WebFixture.GoAsync(page, "/subnets/1/neurons/0", "#neuron-history tbody tr");
        // An epoch every 8 blocks of 250 ms: more than twenty come within a minute of start-up.
        var older = page.Locator("#neuron-history-pager button.older");
        await Assertions.Expect(older).ToBeEnabledAsync(new() { Timeout = 90_000 });
        var history = page.Locator("#neuron-history tbody tr");
        await Assertions.Expect(history).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator("#neuron-history-pager .range")).ToHaveTextAsync("1–20");
        Assert.True(await page.Locator("#neuron-queries tbody tr").CountAsync() <= 20);

        await older.ClickAsync();
        await Assertions.Expect(page.Locator("#neuron-history-pager .range")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^21–"));
        var blocks = (await history.Locator("td:first-child").AllTextContentsAsync()).Select(t => long.Parse(t.TrimStart('#'))).ToList();
        Assert.Equal(blocks.OrderDescending(), blocks);
        Assert.True(blocks.Count is > 0 and <= 20);

        await page.Locator("#neuron-history-pager button.newer").ClickAsync();
        await Assertions.Expect(page.Locator("#neuron-history-pager .range")).ToHaveTextAsync("1–20");
        var newest = long.Parse((await history.Locator("td:first-child").First.TextContentAsync())!.TrimStart('#'));
        Assert.True(newest > blocks[0], $"page 1 starts at #{newest}, after page 2's #{blocks[0]}");
        await Assertions.Expect(page.Locator("#neuron-history-pager button.newer")).ToBeDisabledAsync();
        await browser.ScreenshotAsync("neuron-paged");
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
