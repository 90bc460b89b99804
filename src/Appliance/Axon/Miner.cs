using System.Net;
using System.Net.Sockets;
using Appliance.ApiClient;
using Appliance.Mining;
using Appliance.Primitives;
using Appliance.Runtime.Serving;

namespace Appliance.Axon;

/// <summary>
/// A running miner: its axon serving the generator, announced on chain with serve_axon so validators find
/// it in the metagraph (at the external address when one is given: another machine's way to this one).
/// Stopping it stops the axon (requests in progress finish or time out).
/// </summary>
public sealed class Miner : IAsyncDisposable
{
    private readonly AxonServer _axon;

    private Miner(string name, AxonServer axon, Uri announced, MinerGenerator generator)
    {
        Name = name;
        _axon = axon;
        Announced = announced;
        Generator = generator;
    }

    public string Name { get; }

    public string Hotkey => _axon.Hotkey;

    /// <summary>Where the axon listens.</summary>
    public Uri Url => _axon.Url;

    /// <summary>Where serve_axon said validators reach it.</summary>
    public Uri Announced { get; }

    public MinerGenerator Generator { get; }

    public static async Task<Miner> StartAsync(
        string name, AxonOptions options, MinerGenerator generator, NodeClient node, IValidatorPermits permits, ILoggerFactory loggers,
        CancellationToken cancellation)
    {
        var axon = await AxonServer.StartAsync(options, generator, permits, loggers, cancellation);
        try
        {
            var address = IPAddress.Parse(options.ExternalIp ?? options.Ip);
            var port = (ushort)(options.ExternalPort ?? axon.Port);
            var announced = AxonEndpoint.Url(address.ToString(), port);
            var call = new ServeAxon(options.Netuid, 1, AxonInfo.IpNumber(address), port,
                address.AddressFamily == AddressFamily.InterNetwork ? (byte)4 : (byte)6, 4);
            var status = await Submission.SubmitAsync(node, options.Hotkey, call, Rao.Zero, wait: true, cancellation);
            var logger = loggers.CreateLogger<Miner>();
            if (status.Success == true)
            {
                logger.LogInformation("Miner {Name} serves {Url} on subnet {Netuid}, announced as {Announced} (serve_axon in block #{Block})",
                    name, axon.Url, options.Netuid, announced, status.Block);
            }
            else
            {
                logger.LogWarning("Miner {Name}: serve_axon failed: {Error}", name, status.Error);
            }
            return new Miner(name, axon, announced, generator);
        }
        catch
        {
            await axon.DisposeAsync();
            throw;
        }
    }

    public Task StopAsync() => _axon.StopAsync();

    public ValueTask DisposeAsync() => _axon.DisposeAsync();
}
