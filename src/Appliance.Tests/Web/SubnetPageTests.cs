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
    public async Task Pool_ReservesPricesShareAndLastEmissionShown_PriceChartPointsAreTheApisPrices()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        // up started subnet 1: it emits every block, and each block's SubnetEmission event is a point of its price history.
        await WebFixture.GoAsync(page, "/subnets/1", "#price-chart");

        await Assertions.Expect(page.Locator("#pool-price")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[\d,]+(\.\d+)? τ/α$"));
        Assert.True(Number(await page.Locator("#pool-tao").TextContentAsync()) >= 1000, "the pool holds at least the 1,000 τ the subnet's lock opened it with");
        Assert.True(Number(await page.Locator("#pool-alpha-out").TextContentAsync()) > 0, "stakes and emission hold alpha outside the pool");
        Assert.True(Number(await page.Locator("#pool-moving-price").TextContentAsync()) > 0);
        await Assertions.Expect(page.Locator("#pool-share")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+\.\d\d ?%$"));
        await Assertions.Expect(page.Locator("#pool-last-block")).ToContainTextAsync("τ in");
        await Assertions.Expect(page.Locator("#metagraph th[data-column='stake']")).ToHaveTextAsync("stake α");

        // The canvas is in the prerendered page; the chart is drawn on it once the page's circuit has connected.
        await page.WaitForFunctionAsync("() => typeof Chart !== 'undefined' && Chart.getChart('price-chart') !== undefined", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var chart = await page.EvaluateAsync<JsonElement>(
            "() => { const c = Chart.getChart('price-chart'); return { labels: c.data.labels, price: c.data.datasets[0].data, moving: c.data.datasets[1].data }; }");
        var api = (await web.Up.GetAsync<JsonElement>("/api/subnets/1/prices?count=1000")).EnumerateArray()
            .ToDictionary(p => $"#{p.GetProperty("block").GetUInt64()}", p => (Price: p.GetProperty("price").GetUInt64(), Moving: p.GetProperty("moving_price").GetUInt64()));
        var labels = chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.True(labels.Count > 1, $"{labels.Count} points");
        for (var i = 0; i < labels.Count; i++)
        {
            Assert.True(api.TryGetValue(labels[i], out var point), $"the chart's block {labels[i]} is not among the API's points");
            Assert.Equal(point.Price / 1e9, chart.GetProperty("price")[i].GetDouble());
            Assert.Equal(point.Moving / 1e9, chart.GetProperty("moving")[i].GetDouble());
        }
        Assert.True(labels.Select(l => api[l].Price).Distinct().Count() > 1, "the pool's price moves as emission and stake flow in");
        await browser.ScreenshotAsync("subnet-pool");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task PricesRoute_BadCountOrNetuid_RefusedWithTheirCodes()
    {
        using var badCount = await web.Up.Http.GetAsync("/api/subnets/1/prices?count=0");
        using var unknown = await web.Up.Http.GetAsync("/api/subnets/77/prices");

        Assert.Equal((System.Net.HttpStatusCode.BadRequest, System.Net.HttpStatusCode.NotFound), (badCount.StatusCode, unknown.StatusCode));
        Assert.Equal("InvalidCount", JsonDocument.Parse(await badCount.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal("SubNetworkDoesNotExist", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        var three = await web.Up.GetAsync<JsonElement>("/api/subnets/1/prices?count=3");
        var blocks = three.EnumerateArray().Select(p => p.GetProperty("block").GetUInt64()).ToList();
        Assert.Equal(3, blocks.Count);
        Assert.Equal(blocks.Order(), blocks);
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

    private static decimal Number(string? text) => decimal.Parse(text!, NumberStyles.Number, CultureInfo.InvariantCulture);

    private Task<JsonElement> Hyperparameters() => web.Up.GetAsync<JsonElement>($"/api/subnets/{web.LargeNetuid}/hyperparameters");
}
