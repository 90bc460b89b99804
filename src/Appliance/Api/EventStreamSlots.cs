namespace Appliance.Api;

/// <summary>
/// How many clients GET /api/events serves at once. Each holds a connection, a hub subscription and a
/// buffer of blocks, so past the cap a new client is refused (503) rather than let a loop of clients
/// exhaust the node; a client that disconnects frees its slot.
/// </summary>
public sealed class EventStreamSlots(int capacity)
{
    public const int DefaultCapacity = 64;
    public const string Setting = "Api:MaxEventClients";

    private int _inUse;

    public int Capacity => capacity;

    /// <summary>A slot to dispose when the stream ends, or null when all are taken.</summary>
    public IDisposable? TryTake()
    {
        if (Interlocked.Increment(ref _inUse) > capacity)
        {
            Interlocked.Decrement(ref _inUse);
            return null;
        }
        return new Slot(this);
    }

    private sealed class Slot(EventStreamSlots slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Interlocked.Decrement(ref slots._inUse);
            }
        }
    }
}
