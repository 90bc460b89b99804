using System.Net;
using Appliance.Hosting;
using Appliance.Storage;
using Appliance.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Tests.Security;

/// <summary><c>node</c> and <c>up</c> build their host with <see cref="NodeHost"/>: loopback unless Urls (--urls, config) says otherwise.</summary>
public sealed class BindAddressTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task NodeHost_NoUrlsConfigured_ListensOnLoopbackOnly()
    {
        // Built, not started: a test listens on loopback ports it picks, never on the default one.
        string[] urls;
        try
        {
            urls = await ConfiguredUrlsAsync(new Dictionary<string, string?> { ["Node:DataDir"] = _dir.Path });
        }
        catch (PortInUseException e)
        {
            // A node someone runs on this box holds the default port: the refusal still names the address tried.
            Assert.Equal("PortInUse: 127.0.0.1:9944 is in use", e.Message);
            return;
        }

        Assert.Equal([NodeHost.DefaultUrls], urls);
        Assert.All(urls, url => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(new Uri(url).Host)), url));
    }

    [Fact]
    public async Task NodeHost_UrlsConfigured_ListensThere()
    {
        var urls = await ConfiguredUrlsAsync(new Dictionary<string, string?> { ["Node:DataDir"] = _dir.Path, ["Urls"] = "http://0.0.0.0:0" });

        Assert.Equal(["http://0.0.0.0:0"], urls);
    }

    private static async Task<string[]> ConfiguredUrlsAsync(Dictionary<string, string?> settings)
    {
        var app = NodeHost.Build(settings);
        var urls = app.Configuration[WebHostDefaults.ServerUrlsKey]!.Split(';');
        var dataLock = app.Services.GetRequiredService<DataDirectoryLock>();
        await app.DisposeAsync();
        // The container does not dispose an instance it was handed.
        dataLock.Dispose();
        return urls;
    }
}
