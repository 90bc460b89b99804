using System.Diagnostics;
using System.Diagnostics.Metrics;
using Appliance.Metrics;

namespace Appliance.Runtime.Epoch;

/// <summary><c>appliance.epoch.duration</c>: wall time of one subnet's epoch (Yuma, writes and payout) inside its block. Timing only: nothing on chain depends on it.</summary>
public static class EpochMetrics
{
    private static readonly Histogram<double> Duration = ApplianceMeter.Process.CreateHistogram(
        "appliance.epoch.duration", "s", "Time one subnet's epoch takes inside its block.", advice: ApplianceMeter.Seconds);

    public static void Ran(ushort netuid, long startedTimestamp) =>
        Duration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new TagList { { "netuid", netuid } });
}
