using System.Globalization;
using System.Text.Json;
using Appliance.Web.Components;
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
    public async Task Metagraph_FullSubnetOf4096Uids_DrawsOnePageAndPagesToTheLastUid()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await WebFixture.GoAsync(page, $"/subnets/{web.FullNetuid}", "#metagraph tbody tr");
        await Assertions.Expect(page.Locator("#subnet-n")).ToHaveTextAsync($"{FullSubnet.Uids} / {FullSubnet.Uids}");
        var rows = page.Locator("#metagraph tbody tr");
        var range = page.Locator("#metagraph-pager .range");
        await Assertions.Expect(rows).ToHaveCountAsync(MetagraphTable.PageSize);
        await Assertions.Expect(range).ToHaveTextAsync($"1–{MetagraphTable.PageSize} of {FullSubnet.Uids}");

        await page.Locator("#metagraph-pager button.next").ClickAsync();
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-uid", $"{MetagraphTable.PageSize}");
        await page.Locator("#metagraph-pager button.last").ClickAsync();
        await Assertions.Expect(rows.Last).ToHaveAttributeAsync("data-uid", $"{FullSubnet.Uids - 1}");
        await Assertions.Expect(rows).ToHaveCountAsync(MetagraphTable.PageSize);
        await Assertions.Expect(range).ToHaveTextAsync($"{FullSubnet.Uids - MetagraphTable.PageSize + 1}–{FullSubnet.Uids} of {FullSubnet.Uids}");
        await Assertions.Expect(page.Locator("#metagraph-pager button.next")).ToBeDisabledAsync();

        // The sort runs over every uid, not the page: uid descending starts the first page at the last uid.
        await page.Locator("#metagraph th[data-column='uid']").ClickAsync();
        await Assertions.Expect(page.Locator("#metagraph th[data-column='uid']")).ToHaveAttributeAsync("data-sorted", "desc");
        await Assertions.Expect(range).ToHaveTextAsync($"1–{MetagraphTable.PageSize} of {FullSubnet.Uids}");
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-uid", $"{FullSubnet.Uids - 1}");
        await Assertions.Expect(rows).ToHaveCountAsync(MetagraphTable.PageSize);
        await browser.ScreenshotAsync("subnet-4096");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Metagraph_At1280x800_WholeRowFitsWithoutHorizontalScroll()
    {
        var browser = await BrowserPage.OpenAsync(web, new ViewportSize { Width = 1280, Height = 800 });
        var page = browser.Page;
        // Subnet 1's miners serve axons (the widest column); the large subnet has the most rows.
        foreach (var netuid in new[] { 1, (int)web.LargeNetuid })
        {
            await WebFixture.GoAsync(page, $"/subnets/{netuid}", "#metagraph tbody tr");
            var table = page.Locator("#metagraph");
            var (scrollWidth, clientWidth) = (await table.EvaluateAsync<int>("t => t.scrollWidth"), await table.EvaluateAsync<int>("t => t.clientWidth"));
            Assert.True(scrollWidth <= clientWidth, $"subnet {netuid}: the metagraph is {scrollWidth} px wide in {clientWidth} px");
            var axon = page.Locator("#metagraph th[data-column='axon']");
            await Assertions.Expect(axon).ToBeInViewportAsync(new() { Ratio = 1 });
            var right = await axon.EvaluateAsync<double>("th => th.getBoundingClientRect().right");
            Assert.True(right <= await table.EvaluateAsync<double>("t => t.getBoundingClientRect().right"), "the last column ends inside the table");
        }
        await Assertions.Expect(page.Locator("#metagraph tbody tr[data-uid='0'] td").Last).ToBeInViewportAsync();
        await browser.ScreenshotAsync("subnet-1280x800");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task WeightsHeatmap_LabelsValidatorRowsAndUidColumns_AndShowsTheWeightUnderThePointer()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await WebFixture.GoAsync(page, "/subnets/1", "#weights-heatmap ol.rows li");
        var neurons = (await web.Up.GetAsync<JsonElement>("/api/subnets/1/metagraph")).GetProperty("neurons").EnumerateArray().ToList();

        var rowLabels = (await page.Locator("#weights-heatmap ol.rows li").AllTextContentsAsync()).Select(int.Parse).ToList();
        var columnLabels = (await page.Locator("#weights-heatmap ol.columns li").AllTextContentsAsync()).Select(int.Parse).ToList();
        Assert.Equal(Enumerable.Range(0, neurons.Count), columnLabels);
        Assert.NotEmpty(rowLabels);
        await Assertions.Expect(page.Locator("#weights-heatmap .axis-title.y")).ToHaveTextAsync("validator uid");

        // The first row's validator and a uid it weights (the set it weights holds still while the values move).
        var validator = rowLabels[0];
        var weights = (await web.Up.GetAsync<JsonElement>($"/api/subnets/1/neurons/{validator}")).GetProperty("weights").EnumerateArray()
            .Select(w => (Uid: w[0].GetInt32(), Value: w[1].GetInt32())).Where(w => w.Value > 0).ToList();
        var target = weights[0].Uid;
        var canvas = page.Locator("#weights-heatmap canvas");
        var box = (await canvas.BoundingBoxAsync())!;
        await canvas.HoverAsync(new() { Position = new() { X = (float)((target + 0.5) * box.Width / neurons.Count), Y = (float)(0.5 * box.Height / rowLabels.Count) } });

        var title = await canvas.GetAttributeAsync("title");
        var match = System.Text.RegularExpressions.Regex.Match(title ?? "", @"^validator uid (\d+) → uid (\d+): weight (\d\.\d{4}) \((\d+) of 65535\)$");
        Assert.True(match.Success, title);
        Assert.Equal(validator, int.Parse(match.Groups[1].Value));
        Assert.Equal(target, int.Parse(match.Groups[2].Value));
        Assert.InRange(int.Parse(match.Groups[4].Value), 1, 65535);
        await browser.ScreenshotAsync("subnet-weights");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Hyperparameters_SetWithoutToken_RefusedThenWithTokenChangesTheValue()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await WebFixture.GoAsync(page, $"/subnets/{web.LargeNetuid}", "#hyperparameters");
        var minBurn = (await Hyperparameters()).GetProperty("min_burn").GetUInt64();
        await Assertions.Expect(page.Locator("#hyperparameters tr[data-name='min_burn'] td:nth-child(3)"))
            .ToHaveTextAsync(Appliance.Web.Format.Tao(minBurn) + " τ");

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
