using Microsoft.Playwright;

namespace Appliance.Tests.Web;

[Collection("web")]
public sealed class ExplorerPageTests(WebFixture web)
{
    [Fact]
    public async Task Blocks_NewBlocks_AppearWithoutAReload()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await page.GotoAsync("/blocks");
        var first = await NewestAsync(page);
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        await page.WaitForFunctionAsync($"() => parseInt(document.querySelector('#blocks-table tbody tr td').textContent.slice(1)) > {first + 2}",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });

        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        await browser.ScreenshotAsync("blocks");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Blocks_OlderThenNewer_PagesThroughTheChain()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await page.GotoAsync("/blocks?before=25");
        await Assertions.Expect(page.Locator("#blocks-table tbody tr")).ToHaveCountAsync(20);
        Assert.Equal(24, await NewestAsync(page));

        await page.ClickAsync("#blocks-older");
        await Assertions.Expect(page.Locator("#blocks-table tbody tr").First).ToContainTextAsync("#4");
        await Assertions.Expect(page.Locator("#blocks-table tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#blocks-older")).ToHaveCountAsync(0);

        await page.ClickAsync("#blocks-newer");
        await Assertions.Expect(page.Locator("#blocks-table tbody tr").First).ToContainTextAsync("#24");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Block_Header_ShowsItsFieldsAndLinksItsParent()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        var block = await web.Up.GetAsync<System.Text.Json.JsonElement>("/api/blocks/3");
        await page.GotoAsync("/blocks/3");

        var header = page.Locator("dl.header-fields");
        await Assertions.Expect(header).ToContainTextAsync(block.GetProperty("hash").GetString()!);
        await Assertions.Expect(header).ToContainTextAsync(block.GetProperty("state_root").GetString()!);
        await Assertions.Expect(header).ToContainTextAsync(block.GetProperty("author").GetString()!);
        await Assertions.Expect(page.Locator("#block-extrinsics")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#block-events")).ToHaveCountAsync(1);

        await page.ClickAsync($"a[href='/blocks/2']");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Block #2");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Block_NotSealedYet_SaysSo()
    {
        var browser = await BrowserPage.OpenAsync(web);
        await browser.Page.GotoAsync("/blocks/999999999");

        await Assertions.Expect(browser.Page.Locator("#block-missing")).ToContainTextAsync("No block #999999999");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Account_BadAddress_ShowsTheReason()
    {
        var browser = await BrowserPage.OpenAsync(web);
        await browser.Page.GotoAsync("/accounts/not-an-address");

        await Assertions.Expect(browser.Page.Locator("#account-error")).ToContainTextAsync("InvalidAddress");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Account_Unknown_SaysItHoldsNothing()
    {
        var browser = await BrowserPage.OpenAsync(web);
        await browser.Page.GotoAsync($"/accounts/{UpData.FreshAddress()}");

        await Assertions.Expect(browser.Page.Locator("#account-free")).ToHaveTextAsync("0 τ");
        await Assertions.Expect(browser.Page.Locator("#account-unknown")).ToHaveCountAsync(1);
        await browser.CloseAsync();
    }

    private static async Task<long> NewestAsync(IPage page) =>
        long.Parse((await page.Locator("#blocks-table tbody tr td").First.TextContentAsync())!.TrimStart('#'));
}
