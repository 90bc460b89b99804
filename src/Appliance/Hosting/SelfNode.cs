using Appliance.ApiClient;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Appliance.Hosting;

/// <summary>
/// The node's own API as a client reaches it (a wildcard bind is reached on loopback). The UI signs
/// extrinsics on the server and submits them through it like any wallet would, so they pass the same
/// admission checks; up's miners and validators use it too.
/// </summary>
public sealed class SelfNode(IServer server) : IDisposable
{
    private readonly Lazy<NodeClient> _client = new(() => new NodeClient(UrlOf(server)));

    public string Url => UrlOf(server);

    /// <summary>One client of the node's own API, shared; made on first use, which must come after the server has started.</summary>
    public NodeClient Client => _client.Value;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static string UrlOf(IServer server)
    {
        var address = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var host = address.Host is "0.0.0.0" or "[::]" or "+" or "*" ? "127.0.0.1" : address.Host;
        return $"{address.Scheme}://{host}:{address.Port}";
    }
}
