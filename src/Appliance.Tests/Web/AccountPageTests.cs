using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Appliance.Tests.Web;

[Collection("web")]
public sealed class AccountPageTests(WebFixture web)
{
    [Fact]
    public async Task ValidatorHotkey_ShowsTheStakeItHoldsPerNominator_ColdkeyShowsItsIncomingFunding()
    {
        var validator = (await web.Up.GetAsync<JsonElement>("/api/validators")).EnumerateArray().First(v => v.GetProperty("name").GetString() == "validator1");
        var hotkey = validator.GetProperty("hotkey").GetString()!;
        var neuron = (await web.Up.GetAsync<JsonElement>("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray()
            .First(n => n.GetProperty("hotkey").GetString() == hotkey);
        var coldkey = neuron.GetProperty("coldkey").GetString()!;
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;

        await WebFixture.GoAsync(page, $"/accounts/{hotkey}", "#account-held");
        // up stakes until validator1's alpha is worth 2,000 τ at the pool's price; emission and the rising price only add to it.
        Assert.True(Tao(await page.Locator("#account-held").TextContentAsync()) >= 2000);
        var nominators = page.Locator("#account-held-stakes tbody tr");
        await Assertions.Expect(nominators.Filter(new() { HasText = coldkey })).ToHaveCountAsync(1);
        var row = nominators.Filter(new() { HasText = coldkey }).Locator("td");
        await Assertions.Expect(row.Nth(2)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d,]+(\.\d+)? α$"));
        Assert.True(Tao(await row.Nth(3).TextContentAsync()) >= 2000);
        await Assertions.Expect(page.Locator("#account-held-stakes thead")).ToContainTextAsync("value (τ)");
        await browser.ScreenshotAsync("account-hotkey");

        // up funds the coldkey from //Alice before it stakes: a transfer in.
        await WebFixture.GoAsync(page, $"/accounts/{coldkey}", "#account-transfers tbody tr.incoming");
        var incoming = page.Locator("#account-transfers tbody tr.incoming").First;
        await Assertions.Expect(incoming).ToContainTextAsync("in from");
        Assert.True(Tao((await incoming.Locator("td").Nth(3).TextContentAsync())!.TrimStart('+')) > 0);
        Assert.True(Tao(await page.Locator("#account-staked").TextContentAsync()) >= 2000);
        await browser.ScreenshotAsync("account-coldkey");
        await browser.CloseAsync();
    }

    private static decimal Tao(string? text) => decimal.Parse(text!.Replace("τ", "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture);
}
