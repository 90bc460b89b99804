using System.Diagnostics.Metrics;

namespace Appliance.Metrics;

/// <summary>
/// The appliance's one meter, <c>Appliance</c>, which the node exports at <c>GET /metrics</c>. Instruments are
/// defined beside what they measure (the chain in Node, the pool in Mempool, the axon, the generator, the epoch).
/// </summary>
public static class ApplianceMeter
{
    public const string Name = "Appliance";

    /// <summary>
    /// For code no host constructs (the runtime's epoch, an axon and its generator): the process's meter, which
    /// every node host in the process exports. One process runs one node, so these are that node's appliance's.
    /// </summary>
    public static readonly Meter Process = new(Name);

    /// <summary>Bucket bounds for durations in seconds, from a millisecond up (the SDK's default bounds are for milliseconds).</summary>
    public static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    };

    /// <summary>
    /// The meter of one host's container: a node's chain and pool record on it, so that a host exports only its
    /// own node when a process holds several (the tests do).
    /// </summary>
    public static Meter For(IMeterFactory meters) => meters.Create(Name);
}
