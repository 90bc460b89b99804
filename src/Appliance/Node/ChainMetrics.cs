using System.Diagnostics.Metrics;
using Appliance.Chain;
using Appliance.Mempool;
using Appliance.Metrics;

namespace Appliance.Node;

/// <summary>The node's instruments: the head's height, the pool's size, how long sealing a block takes and what became of its extrinsics.</summary>
public sealed class ChainMetrics
{
    private readonly Histogram<double> _seal;
    private readonly ExtrinsicMetrics _extrinsics;

    public ChainMetrics(IMeterFactory meters, ChainService chain, TransactionPool pool, ExtrinsicMetrics extrinsics)
    {
        var meter = ApplianceMeter.For(meters);
        meter.CreateObservableGauge("appliance.chain.height", () => checked((long)chain.Head.Number), "{block}", "The head block's number.");
        meter.CreateObservableGauge("appliance.pool.extrinsics", () => pool.Count, "{extrinsic}", "Extrinsics waiting in the pool.");
        _seal = meter.CreateHistogram("appliance.block.seal.duration", "s",
            "Time to build, sign and commit one block (its extrinsics and any epoch in it).", advice: ApplianceMeter.Seconds);
        _extrinsics = extrinsics;
    }

    public void Sealed(SealedBlock block, TimeSpan took)
    {
        _seal.Record(took.TotalSeconds);
        _extrinsics.Included(block.Extrinsics);
    }
}
