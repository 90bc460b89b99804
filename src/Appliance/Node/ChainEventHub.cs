using Appliance.Chain;

namespace Appliance.Node;

/// <summary>
/// Fans out what happens on the chain (sealed blocks with their extrinsics and events) to subscribers:
/// the SSE endpoint and the UI. A slow or failing subscriber never delays the block producer.
/// </summary>
public sealed class ChainEventHub
{
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = new([]);

    public IDisposable Subscribe(Action<SealedBlock> onBlock)
    {
        lock (_gate)
        {
            _subscribers = new ImmutableSubscribers([.. _subscribers.Items, onBlock]);
        }
        return new Subscription(this, onBlock);
    }

    public void Publish(SealedBlock block)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers).Items)
        {
            try
            {
                subscriber(block);
            }
            catch (Exception)
            {
                // A subscriber's failure is its own; the chain goes on.
            }
        }
    }

    private void Unsubscribe(Action<SealedBlock> onBlock)
    {
        lock (_gate)
        {
            _subscribers = new ImmutableSubscribers(_subscribers.Items.Where(s => s != onBlock).ToArray());
        }
    }

    private sealed record ImmutableSubscribers(Action<SealedBlock>[] Items);

    private sealed class Subscription(ChainEventHub hub, Action<SealedBlock> onBlock) : IDisposable
    {
        public void Dispose() => hub.Unsubscribe(onBlock);
    }
}
