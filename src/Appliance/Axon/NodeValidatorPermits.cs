using System.Collections.Concurrent;
using Appliance.ApiClient;
using Appliance.Contracts;
using Appliance.Primitives;

namespace Appliance.Axon;

/// <summary>
/// Validator permits read from the node's HTTP API, as a miner on another machine would. The metagraph is
/// fetched again only when the head block has moved (at most once per block), and the head is polled at
/// most once per <c>headPollInterval</c>, so a burst of requests costs no extra calls to the node. When the
/// node cannot be reached the last metagraph stays in use; with none yet, callers get 503.
/// </summary>
public sealed class NodeValidatorPermits(NodeClient node, ILogger<NodeValidatorPermits> logger, TimeProvider time, TimeSpan headPollInterval)
    : IValidatorPermits
{
    private readonly ConcurrentDictionary<NetUid, SubnetCache> _subnets = new();

    public NodeValidatorPermits(NodeClient node, ILogger<NodeValidatorPermits> logger)
        : this(node, logger, TimeProvider.System, TimeSpan.FromMilliseconds(500))
    {
    }

    public async Task<PermitCheck> CheckAsync(NetUid netuid, string hotkey, CancellationToken cancellation)
    {
        var snapshot = await CurrentAsync(netuid, _subnets.GetOrAdd(netuid, _ => new SubnetCache()), cancellation);
        if (snapshot is null)
        {
            return PermitCheck.Unavailable($"the metagraph of subnet {netuid} could not be read from the node at {node.BaseAddress}.");
        }
        if (!snapshot.Neurons.TryGetValue(hotkey, out var neuron))
        {
            return PermitCheck.NotRegistered(hotkey, netuid, snapshot.Block);
        }
        return neuron.ValidatorPermit
            ? PermitCheck.Permitted(neuron.Uid, snapshot.Block)
            : PermitCheck.NoValidatorPermit(hotkey, neuron.Uid, netuid, snapshot.Block);
    }

    private async Task<Snapshot?> CurrentAsync(NetUid netuid, SubnetCache cache, CancellationToken cancellation)
    {
        if (IsFresh(cache.Snapshot))
        {
            return cache.Snapshot;
        }
        await cache.Refresh.WaitAsync(cancellation);
        try
        {
            // Another request may have refreshed it while this one waited.
            return IsFresh(cache.Snapshot) ? cache.Snapshot : cache.Snapshot = await RefreshAsync(netuid, cache.Snapshot, cancellation);
        }
        finally
        {
            cache.Refresh.Release();
        }
    }

    private bool IsFresh(Snapshot? snapshot) => snapshot is not null && time.GetUtcNow() - snapshot.CheckedAt < headPollInterval;

    private async Task<Snapshot?> RefreshAsync(NetUid netuid, Snapshot? current, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        try
        {
            var head = await node.HeadAsync(cancellation);
            if (current is not null && head.Number == current.Block)
            {
                return current with { CheckedAt = now };
            }
            var metagraph = await node.MetagraphAsync(netuid, cancellation);
            return new Snapshot(metagraph.Block, metagraph.Neurons.ToDictionary(n => n.Hotkey), now);
        }
        catch (Exception e) when (e is ClientError or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            logger.LogWarning("validator permits for subnet {Netuid}: the node did not answer ({Reason}); {Fallback}",
                netuid, e.Message, current is null ? "refusing callers until it does" : $"keeping the metagraph of block {current.Block}");
            return current is null ? null : current with { CheckedAt = now };
        }
    }

    private sealed record Snapshot(ulong Block, IReadOnlyDictionary<string, NeuronView> Neurons, DateTimeOffset CheckedAt);

    private sealed class SubnetCache
    {
        public SemaphoreSlim Refresh { get; } = new(1, 1);

        public volatile Snapshot? Snapshot;
    }
}
