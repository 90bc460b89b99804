using System.Diagnostics;
using Appliance.Chain;
using Appliance.Configuration;
using Appliance.Mempool;
using Appliance.Storage;
using Microsoft.Data.Sqlite;

namespace Appliance.Node;

/// <summary>
/// Seals a block every block time, empty or not, from the pool's best extrinsics, then prunes the pool and
/// tells the event hub. A block in progress when the host stops is finished and committed first. When the
/// data folder cannot be written (disk full, read-only, I/O error) the block is not committed at all: the
/// producer says so once, keeps serving reads and the pool, and retries each block time until a write
/// succeeds.
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
            string? paused = null;
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    ProduceOne();
                }
                catch (SqliteException e) when (StorageFault.Describe(e) is { } fault)
                {
                    if (paused is null)
                    {
                        logger.LogError("block #{Number} not sealed: {Fault}. Nothing of it was written; the chain stays at #{Head}. Sealing resumes when the data folder can be written again.",
                            chain.Head.Number + 1, fault, chain.Head.Number);
                    }
                    paused = fault;
                    continue;
                }
                if (paused is not null)
                {
                    logger.LogWarning("sealing resumed at block #{Number} after: {Fault}", chain.Head.Number, paused);
                    paused = null;
                }
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
            pool.Prune(state, block.Extrinsics.Select(r => r.Extrinsic), rejected.Where(r => r.Reason.Code != ValidityErrorCode.FutureNonce).Select(r => r.Extrinsic));
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
