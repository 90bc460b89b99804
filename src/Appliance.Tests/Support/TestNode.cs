using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Hosting;
using Appliance.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Tests.Support;

/// <summary>The real node host on a free loopback port, with real HTTP, on its own temp data folder.</summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private TestNode(WebApplication app, string dataDir, TempDirectory? owned)
    {
        _app = app;
        DataDir = dataDir;
        Owned = owned;
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(Url) };
    }

    public string Url { get; }

    public string DataDir { get; }

    public HttpClient Http { get; }

    private TempDirectory? Owned { get; }

    /// <param name="settings">Configuration on top of the test's (Api:MaxEventClients …).</param>
    public static async Task<TestNode> StartAsync(string? dataDir = null, int blockTimeMs = 100, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var owned = dataDir is null ? new TempDirectory() : null;
        var folder = dataDir ?? owned!.Path;
        var overrides = new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Node:DataDir"] = folder,
            ["Node:BlockTimeMs"] = blockTimeMs.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }
        var app = NodeHost.Build(overrides);
        await app.StartAsync();
        return new TestNode(app, folder, owned);
    }

    public async Task<JsonElement> GetJsonAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);

    public async Task<(int Status, JsonElement Body)> PostExtrinsicAsync(string hex)
    {
        using var response = await Http.PostAsJsonAsync("/api/extrinsics", new { hex });
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Polls until the extrinsic is in a block; fails the test after 30 s.</summary>
    public async Task<JsonElement> WaitForInclusionAsync(string hash)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var response = await Http.GetAsync($"/api/extrinsics/{hash}");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.IsSuccessStatusCode && body.GetProperty("status").GetString() == "included")
            {
                return body;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{hash} was not included within 30 s.");
    }

    public async Task WaitForBlocksAsync(int count)
    {
        var start = (await GetJsonAsync("/api/chain/head")).GetProperty("number").GetUInt64();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if ((await GetJsonAsync("/api/chain/head")).GetProperty("number").GetUInt64() >= start + (ulong)count)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"the node did not produce {count} blocks within 15 s.");
    }

    /// <summary>Stops the host (committing the block in progress) and keeps the data folder.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        Http.Dispose();
        var dataLock = _app.Services.GetRequiredService<DataDirectoryLock>();
        await _app.StopAsync();
        await _app.DisposeAsync();
        // The container does not dispose an instance it was handed; freeing the folder lets a test restart on it.
        dataLock.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Owned?.Dispose();
    }
}
