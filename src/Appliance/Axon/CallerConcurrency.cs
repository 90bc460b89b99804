namespace Appliance.Axon;

/// <summary>At most N requests in progress per caller hotkey, so one validator cannot take every generation slot.</summary>
public sealed class CallerConcurrency(int limit)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _inProgress = [];

    public int Limit => limit;

    /// <summary>A slot to dispose when the request ends, or null when the caller already holds <see cref="Limit"/>.</summary>
    public IDisposable? TryEnter(string caller)
    {
        lock (_lock)
        {
            var current = _inProgress.GetValueOrDefault(caller);
            if (current >= limit)
            {
                return null;
            }
            _inProgress[caller] = current + 1;
        }
        return new Slot(this, caller);
    }

    private void Exit(string caller)
    {
        lock (_lock)
        {
            var left = _inProgress[caller] - 1;
            if (left == 0)
            {
                _inProgress.Remove(caller);
            }
            else
            {
                _inProgress[caller] = left;
            }
        }
    }

    private sealed class Slot(CallerConcurrency owner, string caller) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Exit(caller);
            }
        }
    }
}
