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
        var first = int.Parse((await page.Locator("#head-number").TextContentAsync())!.TrimStart('#'));
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await page.WaitForFunctionAsync($"() => parseInt(document.querySelector('#head-number').textContent.slice(1)) > {first + 2}",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        var subnets = (await web.Up.GetAsync<System.Text.Json.JsonElement>("/api/subnets")).GetArrayLength();
        await Assertions.Expect(page.Locator("#overview-subnets tbody tr")).ToHaveCountAsync(subnets);
        await browser.ScreenshotAsync("overview");
        await browser.CloseAsync();
    }
}
