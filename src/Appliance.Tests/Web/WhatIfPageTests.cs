using System.Text.Json;
using Microsoft.Playwright;

namespace Appliance.Tests.Web;

[Collection("web")]
public sealed class WhatIfPageTests(WebFixture web)
{
    // Both columns of one row come from one render, so a differing pair is the what-if, not a block in between.
    private const string SomeIncentiveDiffers = """
        () => [...document.querySelectorAll('#whatif-table tbody tr')].some(r =>
            r.querySelector('.actual-incentive').textContent !== r.querySelector('.whatif-incentive').textContent)
        """;

    [Fact]
    public async Task WhatIf_KappaToOneAfterAnEpoch_WhatIfIncentiveDiffersFromActual()
    {
        var browser = await OpenAfterAnEpochAsync();
        var page = browser.Page;

        await page.Locator("#whatif-kappa").FillAsync("65535");
        await page.Locator("#whatif-apply").ClickAsync();

        await page.WaitForFunctionAsync(SomeIncentiveDiffers, null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        Assert.Equal("65535", await page.Locator("#whatif-kappa").InputValueAsync());
        Assert.Equal(await page.Locator("#whatif-table tbody tr").CountAsync(), await page.Locator("#whatif-table .whatif-emission").CountAsync());
        await browser.ScreenshotAsync("what-if");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task WhatIf_MajorityValidatorWeightsCleared_WhatIfIncentiveDiffersAndResetRestores()
    {
        var browser = await OpenAfterAnEpochAsync();
        var page = browser.Page;
        // Option 0 is "unchanged"; validators follow, the largest stake first.
        await page.Locator("#whatif-validator").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Assertions.Expect(page.Locator("#whatif-weights input").First).ToBeVisibleAsync();

        foreach (var field in await page.Locator("#whatif-weights input").AllAsync())
        {
            await field.FillAsync("");
        }
        await page.Locator("#whatif-apply").ClickAsync();

        await page.WaitForFunctionAsync(SomeIncentiveDiffers, null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        foreach (var field in await page.Locator("#whatif-weights input").AllAsync())
        {
            Assert.Equal("", await field.InputValueAsync());
        }
        await page.Locator("#whatif-reset").ClickAsync();
        await Assertions.Expect(page.Locator("#whatif-summary")).ToContainTextAsync("0 of");
        await Assertions.Expect(page.Locator("#whatif-weights")).ToHaveCountAsync(0);
        await browser.CloseAsync();
    }

    [Fact]
    public async Task WhatIf_UnknownNetuid_SaysSoWithoutConsoleErrors()
    {
        var browser = await BrowserPage.OpenAsync(web);
        await browser.Page.GotoAsync("/what-if/99");

        await Assertions.Expect(browser.Page.Locator("#whatif-missing")).ToContainTextAsync("Subnet 99 does not exist");
        await browser.CloseAsync();
    }

    /// <summary>Waits for an epoch in which a miner earned incentive and both validators dividends, then opens /what-if/1.</summary>
    private async Task<BrowserPage> OpenAfterAnEpochAsync()
    {
        await web.Up.WaitUntilAsync(async () =>
        {
            var neurons = (await web.Up.GetAsync<JsonElement>("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray().ToList();
            return neurons.Any(n => n.GetProperty("incentive").GetDouble() > 0) && neurons.Count(n => n.GetProperty("dividends").GetDouble() > 0) >= 2;
        }, TimeSpan.FromSeconds(150), "an epoch with incentive for a miner and dividends for both validators");
        var browser = await BrowserPage.OpenAsync(web);
        await browser.Page.GotoAsync("/what-if/1");
        await Assertions.Expect(browser.Page.Locator("#whatif-table tbody tr").First).ToBeVisibleAsync();
        return browser;
    }
}
