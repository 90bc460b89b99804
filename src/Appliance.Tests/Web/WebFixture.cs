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
    private readonly TempDirectory _dir = new();
    private IPlaywright? _playwright;
    private LargeSubnet? _large;

    public UpProcess Up { get; private set; } = null!;

    /// <summary>`up`'s data folder: its wallets (with their password file, --wallets-dir DATA/wallets) and appliance.json with the admin token.</summary>
    public string DataDir => _dir.Combine("data");

    /// <summary>The netuid of the 256-uid subnet (<see cref="LargeSubnet"/>) beside up's own subnet 1.</summary>
    public ushort LargeNetuid => _large!.Netuid;

    /// <summary>The netuid of the 4096-uid subnet (<see cref="FullSubnet"/>).</summary>
    public ushort FullNetuid { get; private set; }

    /// <summary>Where the tests save their screenshots (git-ignored build output).</summary>
    public static string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}.png");
    }

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var config = _dir.Combine("up.json");
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
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        Up = await UpProcess.StartAsync(DataDir, config);
        try
        {
            _large = await LargeSubnet.CreateAsync(Up.Http, Up.Url);
            FullNetuid = await FullSubnet.CreateAsync(Up.Http, Up.Url);
        }
        catch
        {
            // A fixture that fails to start is not disposed: the child process must not outlive the run.
            Up.Dispose();
            throw;
        }
    }

    /// <summary>A fresh page at 1280×720 (the projector size the UI is made for) unless <paramref name="viewport"/> says otherwise; <paramref name="errors"/> collects the console's errors.</summary>
    public async Task<IPage> NewPageAsync(List<string>? errors = null, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Up.Url, ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 720 } });
        var page = await context.NewPageAsync();
        if (errors is not null)
        {
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add($"{page.Url}: {message.Text}");
                }
            };
            page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");
        }
        return page;
    }

    /// <summary>Opens <paramref name="path"/> and waits until the interactive page has drawn <paramref name="selector"/>.</summary>
    public static async Task GoAsync(IPage page, string path, string selector = "main.content h1")
    {
        await page.GotoAsync(path);
        await page.Locator(selector).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_large is not null)
        {
            await _large.DisposeAsync();
        }
        Up?.Dispose();
        _dir.Dispose();
    }
}

[CollectionDefinition("web")]
public sealed class WebCollection : ICollectionFixture<WebFixture>;
