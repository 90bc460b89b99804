using Appliance.Tests.Support;
using Microsoft.Playwright;

namespace Appliance.Tests.Web;

/// <summary>
/// One running appliance (`appliance up` as a child process, fast settings, the tiny model) and one headless
/// Debian Chromium driven by Playwright, shared by the browser tests of the "web" collection.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly TempDirectory dir = new();
    private IPlaywright? playwright;

    public UpProcess Up { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var config = dir.Combine("up.json");
        await File.WriteAllTextAsync(config, """
            {
              "Node": { "BlockTimeMs": 250 },
              "Up": {
                "Tempo": 8, "WeightsRateLimit": 3, "Threads": 1, "Sequences": 4,
                "Validators": [
                  { "Name": "validator1", "StakeTao": 2000, "Seed": 1, "QueryIntervalSeconds": 1, "TimeoutSeconds": 5 },
                  { "Name": "validator2", "StakeTao": 500, "Seed": 2, "QueryIntervalSeconds": 1, "TimeoutSeconds": 5 }
                ]
              }
            }
            """);
        Up = await UpProcess.StartAsync(dir.Combine("data"), config);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh page at 1280×720, the projector size the UI is made for.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Up.Url, ViewportSize = new ViewportSize { Width = 1280, Height = 720 } });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        Up.Dispose();
        dir.Dispose();
    }
}

[CollectionDefinition("web")]
public sealed class WebCollection : ICollectionFixture<WebFixture>;
