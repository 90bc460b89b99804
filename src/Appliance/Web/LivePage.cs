using Appliance.Node;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web;

/// <summary>
/// A page that reads the chain and re-reads it on every sealed block: it subscribes to the
/// <see cref="ChainEventHub"/> after its first render and unsubscribes when the circuit lets it go (the
/// Aspire Dashboard's way). The hub calls on the block producer's thread, so the refresh moves to the thread
/// pool before it enters the circuit; a burst of blocks collapses into one render, at most one per
/// <see cref="MinInterval"/>.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);
    private IDisposable? _subscription;
    private int _queued;
    private volatile bool _disposed;
    private DateTime _lastRender = DateTime.MinValue;

    [Inject]
    private ChainEventHub Hub { get; set; } = null!;

    /// <summary>Reads what the page shows; runs on the circuit, at start and after every block.</summary>
    protected abstract void Load();

    protected override void OnParametersSet() => Load();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _subscription = Hub.Subscribe(_ => Refresh());
        }
    }

    public virtual void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Refresh()
    {
        if (_disposed || Interlocked.Exchange(ref _queued, 1) == 1)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            var wait = _lastRender + MinInterval - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            await InvokeAsync(async () =>
            {
                Volatile.Write(ref _queued, 0);
                if (_disposed)
                {
                    return;
                }
                _lastRender = DateTime.UtcNow;
                try
                {
                    Load();
                    StateHasChanged();
                }
                catch (Exception e)
                {
                    // As an exception in any lifecycle method: the circuit reports it.
                    await DispatchExceptionAsync(e);
                }
            });
        });
    }
}
