using Appliance.Hosting;
using Appliance.Storage;
using Appliance.Tests.Support;
using Appliance.Up;
using Appliance.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Tests.Security;

/// <summary>
/// <c>appliance up</c> composed in this process exactly as UpCommand composes it (node, API, admin API, UI) on a
/// free loopback port and its own temp data folder, running one miner on the tiny model and one validator; the
/// security tests reach it over real HTTP and read its endpoints and files.
/// </summary>
public sealed class InProcessUp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _dir;

    private InProcessUp(WebApplication app, TempDirectory dir)
    {
        _app = app;
        _dir = dir;
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Url { get; }

    public HttpClient Http { get; }

    public string DataDir => _dir.Combine("data");

    public string WalletsDir => _dir.Combine("data", "wallets");

    public string AdminToken => _app.Services.GetRequiredService<ApplianceSecrets>().AdminToken;

    public ApplianceRunner Runner => _app.Services.GetRequiredService<ApplianceRunner>();

    /// <summary>Every endpoint the host maps: the node's API, up's, the UI's.</summary>
    public IEnumerable<RouteEndpoint> Endpoints => ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>();

    /// <param name="settings">Configuration on top of the test's (Up:AdminFailureLimit …).</param>
    public static async Task<InProcessUp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dir = new TempDirectory();
        var overrides = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Node:DataDir"] = dir.Combine("data"),
            ["Node:WalletsDir"] = dir.Combine("data", "wallets"),
            ["Node:BlockTimeMs"] = "100",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Up:Tempo"] = "8",
            ["Up:Threads"] = "1",
            ["Up:Sequences"] = "2",
            ["Up:Miners:0:Name"] = "miner1",
            ["Up:Miners:0:Model"] = TinyModel.Path,
            ["Up:Validators:0:Name"] = "validator1",
            ["Up:Validators:0:QueryIntervalSeconds"] = "30",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }
        var app = NodeHost.Build(overrides, extend: builder =>
        {
            UpHost.AddAppliance(builder, quiet: false);
            builder.Services.AddWeb();
        });
        app.MapAppliance();
        app.MapWeb();
        await app.StartAsync();
        return new InProcessUp(app, dir);
    }

    /// <summary>Waits until up's miner and validator run (its subnet is bootstrapped); fails the test after 120 s.</summary>
    public async Task WaitUntilReadyAsync() => await Runner.Ready.WaitAsync(TimeSpan.FromSeconds(120));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        var dataLock = _app.Services.GetRequiredService<DataDirectoryLock>();
        await _app.StopAsync();
        await _app.DisposeAsync();
        dataLock.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}

/// <summary>One in-process up shared by the security tests that do not change its admin limits.</summary>
public sealed class InProcessUpFixture : IAsyncLifetime
{
    public InProcessUp Up { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Tokenless requests count as failures; the shared host must not lock the tests out of each other.
        Up = await InProcessUp.StartAsync(new Dictionary<string, string?> { ["Up:AdminFailureLimit"] = "10000" });
        try
        {
            await Up.WaitUntilReadyAsync();
        }
        catch
        {
            // A fixture that fails to start is not disposed by xunit.
            await Up.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        // Null when start-up itself failed.
        if (Up is not null)
        {
            await Up.DisposeAsync();
        }
    }
}

[CollectionDefinition("in-process up")]
public sealed class InProcessUpCollection : ICollectionFixture<InProcessUpFixture>;
