using System.Diagnostics;
using Appliance.Chain;
using Appliance.Configuration;
using Appliance.Mempool;

namespace Appliance.Node;

/// <summary>
/// Seals a block every block time, empty or not, from the pool's best extrinsics, then prunes the pool and
/// tells the event hub. A block in progress when the host stops is finished and committed first.
/// </summary>
public sealed class BlockProducer(
    ChainService chain, TransactionPool pool, ChainEventHub hub, NodeOptions options, TimeProvider time, ChainMetrics metrics, ILogger<BlockProducer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.BlockTimeMs), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                ProduceOne();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public SealedBlock ProduceOne()
    {
        var started = Stopwatch.GetTimestamp();
        var (block, rejected) = chain.ProduceBlock((ulong)time.GetUtcNow().ToUnixTimeMilliseconds(), pool.SelectForBlock);
        metrics.Sealed(block, Stopwatch.GetElapsedTime(started));
        using (var state = chain.OpenSnapshot())
        {
            pool.Prune(state, rejected.Where(r => r.Reason.Code != ValidityErrorCode.FutureNonce).Select(r => r.Extrinsic));
        }
        var failed = block.Extrinsics.Count(r => !r.Success);
        logger.LogInformation("block #{Number} {Hash} sealed: {Count} extrinsics ({Failed} failed), {Pooled} waiting",
            block.Header.Number, block.Hash, block.Extrinsics.Count, failed, pool.Count);
        foreach (var (extrinsic, reason) in rejected)
        {
            logger.LogInformation("extrinsic {Hash} dropped from the pool: {Reason}", extrinsic.Hash, reason);
        }
        hub.Publish(block);
        return block;
    }
}
