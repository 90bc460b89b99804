using System.Globalization;
using System.Text.Json;
using Appliance.Chain;
using Appliance.Node;
using Appliance.Primitives;

namespace Appliance.Up;

/// <summary>One log line per epoch: the subnet, what it paid out and the emission to each UID (in TAO).</summary>
public sealed class EpochLog(ChainEventHub hub, ILogger<EpochLog> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = hub.Subscribe(OnBlock);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private void OnBlock(SealedBlock block)
    {
        foreach (var epoch in block.Events.Where(e => e.Name == "EpochRun"))
        {
            // The event's fields hold typed values (ushort, ulong); reading them back through JSON keeps this independent of those types.
            var fields = JsonSerializer.SerializeToElement(epoch.Fields);
            var emission = fields.GetProperty("emission").EnumerateArray().Select((value, uid) => $"{uid}:{Tao(value)}");
            logger.LogInformation("epoch of subnet {Netuid} at block #{Block}: {Pending} TAO paid, owner cut {OwnerCut}; emission by uid {Emission}",
                fields.GetProperty("netuid").GetUInt16(), block.Header.Number, Tao(fields.GetProperty("pending")),
                Tao(fields.GetProperty("owner_cut")), string.Join(' ', emission));
        }
    }

    private static string Tao(JsonElement rao) => (rao.GetUInt64() / (decimal)Rao.PerTao).ToString("0.####", CultureInfo.InvariantCulture);
}
