using Microsoft.Playwright;

namespace Appliance.Tests.Web;

[Collection("web")]
public sealed class OverviewPageTests(WebFixture web)
{
    [Fact]
    public async Task Overview_HeadBlockNumber_IncreasesWithoutAReload()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await page.GotoAsync("/");
        var head = int.Parse((await page.Locator("#head-number").TextContentAsync())!.TrimStart('#'));
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await page.WaitForFunctionAsync($"() => parseInt(document.querySelector('#head-number').textContent.slice(1)) > {head + 2}",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        var subnets = (await web.Up.GetAsync<System.Text.Json.JsonElement>("/api/subnets")).GetArrayLength();
        await Assertions.Expect(page.Locator("#overview-subnets tbody tr")).ToHaveCountAsync(subnets);
        // Every subnet of up's dynamic chain has a pool: its price (τ/α) and its share of the block emission.
        var first = page.Locator("#overview-subnets tbody tr").First;
        await Assertions.Expect(first.Locator("td.price")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d,]+(\.\d+)?$"));
        await Assertions.Expect(first.Locator("td.share")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d\d ?%$"));
        await Assertions.Expect(page.Locator("#overview-pool-tao")).ToContainTextAsync("τ");
        await browser.ScreenshotAsync("overview");
        await browser.CloseAsync();
    }
}
