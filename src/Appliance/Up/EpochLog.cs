using System.Globalization;
using System.Text.Json;
using Appliance.Chain;
using Appliance.Node;
using Appliance.Primitives;

namespace Appliance.Up;

/// <summary>
/// One log line per epoch: the subnet's pot (new emission and what the last epoch carried over), who got
/// what — owner cut, miners' incentive, validators' dividends, carried over — and the emission to each UID (in TAO).
/// </summary>
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
            logger.LogInformation("{Line}", Describe(block.Header.Number, JsonSerializer.SerializeToElement(epoch.Fields)));
        }
    }

    /// <summary>The line for an EpochRun event's fields (read back through JSON, so independent of their typed values).</summary>
    public static string Describe(ulong block, JsonElement fields)
    {
        var pot = fields.GetProperty("pending").GetUInt64();
        var carriedIn = fields.GetProperty("carried_in").GetUInt64();
        var emission = fields.GetProperty("emission").EnumerateArray().Select((value, uid) => $"{uid}:{Tao(value.GetUInt64())}");
        return $"epoch of subnet {fields.GetProperty("netuid").GetUInt16()} at block #{block}: pot {Tao(pot)} TAO "
            + $"({Tao(pot - carriedIn)} new + {Tao(carriedIn)} carried in): owner {Tao(fields.GetProperty("owner_cut").GetUInt64())} (18 % of new), "
            + $"miners' incentive {Tao(fields.GetProperty("server_emission").GetUInt64())}, "
            + $"validators' dividends {Tao(fields.GetProperty("validator_emission").GetUInt64())}, "
            + $"carried over {Tao(fields.GetProperty("carried_over").GetUInt64())}; emission by uid {string.Join(' ', emission)}";
    }

    private static string Tao(ulong rao) => (rao / (decimal)Rao.PerTao).ToString("0.####", CultureInfo.InvariantCulture);
}
