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
        var (page, errors) = await OpenAfterAnEpochAsync();

        await page.Locator("#whatif-kappa").FillAsync("65535");
        await page.Locator("#whatif-apply").ClickAsync();

        await page.WaitForFunctionAsync(SomeIncentiveDiffers, null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        Assert.Equal("65535", await page.Locator("#whatif-kappa").InputValueAsync());
        Assert.Equal(await page.Locator("#whatif-table tbody tr").CountAsync(), await page.Locator("#whatif-table .whatif-emission").CountAsync());
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "what-if.png"), FullPage = true });
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WhatIf_MajorityValidatorWeightsCleared_WhatIfIncentiveDiffersAndResetRestores()
    {
        var (page, errors) = await OpenAfterAnEpochAsync();
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
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WhatIf_UnknownNetuid_SaysSoWithoutConsoleErrors()
    {
        var page = await web.NewPageAsync();
        var errors = CollectErrors(page);

        await page.GotoAsync("/what-if/99");

        await Assertions.Expect(page.Locator("#whatif-missing")).ToContainTextAsync("Subnet 99 does not exist");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    /// <summary>Waits for an epoch in which a miner earned incentive and both validators dividends, then opens /what-if/1.</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenAfterAnEpochAsync()
    {
        await web.Up.WaitUntilAsync(async () =>
        {
            var neurons = (await web.Up.GetAsync<JsonElement>("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray().ToList();
            return neurons.Any(n => n.GetProperty("incentive").GetDouble() > 0) && neurons.Count(n => n.GetProperty("dividends").GetDouble() > 0) >= 2;
        }, TimeSpan.FromSeconds(150), "an epoch with incentive for a miner and dividends for both validators");
        var page = await web.NewPageAsync();
        var errors = CollectErrors(page);
        await page.GotoAsync("/what-if/1");
        await Assertions.Expect(page.Locator("#whatif-table tbody tr").First).ToBeVisibleAsync();
        return (page, errors);
    }

    private static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
