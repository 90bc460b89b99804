using System.Text.Json;
using Microsoft.Playwright;

namespace Appliance.Tests.Web;

[Collection("web")]
public sealed class WhatIfPageTests(WebFixture web)
{
    [Fact]
    public async Task WhatIf_KappaToOneAfterAnEpoch_WhatIfIncentiveDiffersFromActual()
    {
        await web.Up.WaitUntilAsync(async () =>
        {
            var neurons = (await web.Up.GetAsync<JsonElement>("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray().ToList();
            return neurons.Any(n => n.GetProperty("incentive").GetDouble() > 0) && neurons.Count(n => n.GetProperty("dividends").GetDouble() > 0) >= 2;
        }, TimeSpan.FromSeconds(150), "an epoch with incentive for a miner and dividends for both validators");
        var page = await web.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/what-if/1");
        await Assertions.Expect(page.Locator("#whatif-table tbody tr").First).ToBeVisibleAsync();

        await page.Locator("#whatif-kappa").FillAsync("65535");
        await page.Locator("#whatif-apply").ClickAsync();

        // Both columns of one row come from one render, so a differing pair is the what-if, not a block in between.
        await page.WaitForFunctionAsync("""
            () => [...document.querySelectorAll('#whatif-table tbody tr')].some(r =>
                r.querySelector('.actual-incentive').textContent !== r.querySelector('.whatif-incentive').textContent)
            """, null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        Assert.Equal("65535", await page.Locator("#whatif-kappa").InputValueAsync());
        Assert.Equal(await page.Locator("#whatif-table tbody tr").CountAsync(), await page.Locator("#whatif-table .whatif-emission").CountAsync());
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "what-if.png"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WhatIf_UnknownNetuid_SaysSoWithoutConsoleErrors()
    {
        var page = await web.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync("/what-if/99");

        await Assertions.Expect(page.Locator("#whatif-missing")).ToContainTextAsync("Subnet 99 does not exist");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
