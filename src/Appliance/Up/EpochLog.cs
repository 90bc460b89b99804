using Appliance.Chain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Up;

/// <summary>One log line per epoch: the subnet, what it paid out and the emission to each UID (in TAO).</summary>
public sealed class EpochLog(ChainEventHub hub, ILogger<EpochLog> logger) : IHostedService
{
    private IDisposable? subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = hub.Subscribe(OnBlock);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    private void OnBlock(SealedBlock block)
    {
        foreach (var epoch in block.Events.Where(e => e.Name == "EpochRun"))
        {
            var emission = epoch.Fields["emission"]!.AsArray().Select((value, uid) => $"{uid}:{(ulong)value! / (double)Rao.PerTao:0.####}");
            logger.LogInformation("epoch of subnet {Netuid} at block #{Block}: {Pending:0.####} TAO paid, owner cut {OwnerCut:0.####}; emission by uid {Emission}",
                (int)epoch.Fields["netuid"]!, block.Header.Number, (ulong)epoch.Fields["pending"]! / (double)Rao.PerTao,
                (ulong)epoch.Fields["owner_cut"]! / (double)Rao.PerTao, string.Join(' ', emission));
        }
    }
}
