using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Appliance.Tests.Web;

[Collection("web")]
public sealed class SubnetPageTests(WebFixture web)
{
    [Fact]
    public async Task Metagraph_EveryRegisteredUid_IsARowAndSortsByIncentive()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await WebFixture.GoAsync(page, $"/subnets/{web.LargeNetuid}", "#metagraph tbody tr");
        var neurons = (await web.Up.GetAsync<JsonElement>($"/api/subnets/{web.LargeNetuid}/metagraph")).GetProperty("neurons");

        var rows = page.Locator("#metagraph tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(neurons.GetArrayLength());
        var uids = await rows.EvaluateAllAsync<int[]>("rows => rows.map(r => parseInt(r.dataset.uid))");
        Assert.Equal(Enumerable.Range(0, LargeSubnet.Uids), uids);

        await page.Locator("#metagraph th[data-column='incentive']").ClickAsync();
        await Assertions.Expect(page.Locator("#metagraph th[data-column='incentive']")).ToHaveAttributeAsync("data-sorted", "desc");
        var incentives = (await page.Locator("#metagraph td.incentive").AllTextContentsAsync()).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(incentives.OrderByDescending(x => x), incentives);
        Assert.True(incentives[0] > 0, "the subnet's validators weight every uid, so some incentive is above zero after an epoch");

        await page.Locator("#metagraph th[data-column='incentive']").ClickAsync();
        await Assertions.Expect(page.Locator("#metagraph th[data-column='incentive']")).ToHaveAttributeAsync("data-sorted", "asc");
        var ascending = (await page.Locator("#metagraph td.incentive").AllTextContentsAsync()).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ascending.Order(), ascending);
        await browser.ScreenshotAsync("subnet");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Hyperparameters_SetWithoutToken_RefusedThenWithTokenChangesTheValue()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await WebFixture.GoAsync(page, $"/subnets/{web.LargeNetuid}", "#hyperparameters");

        await page.Locator("#hyper-name").SelectOptionAsync("immunity_period");
        await page.Locator("#hyper-value").FillAsync("4321");
        await page.Locator("#hyper-set").ClickAsync();
        await Assertions.Expect(page.Locator("#hyper-result")).ToContainTextAsync("Unauthorized");
        Assert.Equal(5000, (await Hyperparameters()).GetProperty("immunity_period").GetInt64());

        await page.Locator("#admin-token").FillAsync(web.Up.AdminToken);
        await page.Locator("#hyper-set").ClickAsync();
        await Assertions.Expect(page.Locator("#hyper-result")).ToContainTextAsync("included in block", new() { Timeout = 30_000 });
        Assert.Equal(4321, (await Hyperparameters()).GetProperty("immunity_period").GetInt64());
        await Assertions.Expect(page.Locator("#hyperparameters tr[data-name='immunity_period'] td.value")).ToHaveTextAsync("4321");

        await page.Locator("#hyper-value").FillAsync("70000");
        await page.Locator("#hyper-set").ClickAsync();
        await Assertions.Expect(page.Locator("#hyper-result")).ToContainTextAsync("ValueOutOfBounds", new() { Timeout = 30_000 });
        Assert.Equal(4321, (await Hyperparameters()).GetProperty("immunity_period").GetInt64());
        await browser.CloseAsync();
    }

    [Fact]
    public async Task UnknownSubnet_SaysSo()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await WebFixture.GoAsync(page, "/subnets/77", "#not-found");
        await Assertions.Expect(page.Locator("#not-found")).ToContainTextAsync("There is no subnet 77");
        await browser.CloseAsync();
    }

    private Task<JsonElement> Hyperparameters() => web.Up.GetAsync<JsonElement>($"/api/subnets/{web.LargeNetuid}/hyperparameters");
}
