using System.Text.Json;
using Microsoft.Playwright;

namespace Appliance.Tests.Web;

[Collection("web")]
public sealed class AllPagesTests(WebFixture web)
{
    [Fact]
    public async Task EveryPage_With256UidSubnet_RendersWithoutConsoleErrors()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        var n = web.LargeNetuid;
        var pages = new (string Name, string Path, string Ready)[]
        {
            ("overview", "/", "#overview-subnets tbody tr"),
            ("subnet-256", $"/subnets/{n}", "#metagraph tbody tr"),
            ("neuron-256-validator", $"/subnets/{n}/neurons/1", "#neuron-weights tbody tr"),
            ("neuron-256-last", $"/subnets/{n}/neurons/{LargeSubnet.Uids - 1}", "main h1"),
            ("what-if-256", $"/what-if/{n}", "#whatif-table tbody tr"),
            ("blocks", "/blocks", "#blocks-table tbody tr"),
            ("block", "/blocks/5", "#block-extrinsics"),
            ("account-alice", "/accounts/5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", "main h1"),
            ("wallets", "/wallets", "main h1"),
            ("miners-page", "/miners", "#miners tbody tr"),
        };
        foreach (var (name, path, ready) in pages)
        {
            await WebFixture.GoAsync(page, path, ready);
            // Two blocks later the page has re-rendered from the hub at least once.
            var head = (await web.Up.GetAsync<JsonElement>("/api/chain/head")).GetProperty("number").GetUInt64();
            await web.Up.WaitUntilAsync(async () => (await web.Up.GetAsync<JsonElement>("/api/chain/head")).GetProperty("number").GetUInt64() > head + 1,
                TimeSpan.FromSeconds(30), "two more blocks");
            await browser.ScreenshotAsync($"all-{name}");
            if (name == "subnet-256")
            {
                await Assertions.Expect(page.Locator("#metagraph tbody tr")).ToHaveCountAsync(LargeSubnet.Uids);
            }
        }
        await browser.CloseAsync();
    }
}
