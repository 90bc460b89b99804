using System.Net;
using System.Net.Sockets;
using Appliance.ApiClient;
using Appliance.Mining;
using Appliance.Primitives;
using Appliance.Runtime.Serving;

namespace Appliance.Axon;

/// <summary>
/// A running miner: its axon serving the generator, announced on chain with serve_axon so validators find
/// it in the metagraph. Stopping it stops the axon (requests in progress finish or time out).
/// </summary>
public sealed class Miner : IAsyncDisposable
{
    private readonly AxonServer _axon;

    private Miner(string name, AxonServer axon, MinerGenerator generator)
    {
        Name = name;
        _axon = axon;
        Generator = generator;
    }

    public string Name { get; }

    public string Hotkey => _axon.Hotkey;

    public Uri Url => _axon.Url;

    public MinerGenerator Generator { get; }

    public static async Task<Miner> StartAsync(
        string name, AxonOptions options, MinerGenerator generator, NodeClient node, IValidatorPermits permits, ILoggerFactory loggers,
        CancellationToken cancellation)
    {
        var axon = await AxonServer.StartAsync(options, generator, permits, loggers, cancellation);
        try
        {
            var address = IPAddress.Parse(options.Ip);
            var call = new ServeAxon(options.Netuid, 1, AxonInfo.IpNumber(address), (ushort)axon.Port,
                address.AddressFamily == AddressFamily.InterNetwork ? (byte)4 : (byte)6, 4);
            var status = await Submission.SubmitAsync(node, options.Hotkey, call, Rao.Zero, wait: true, cancellation);
            var logger = loggers.CreateLogger<Miner>();
            if (status.Success == true)
            {
                logger.LogInformation("Miner {Name} serves {Url} on subnet {Netuid} (serve_axon in block #{Block})", name, axon.Url, options.Netuid, status.Block);
            }
            else
            {
                logger.LogWarning("Miner {Name}: serve_axon failed: {Error}", name, status.Error);
            }
            return new Miner(name, axon, generator);
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
