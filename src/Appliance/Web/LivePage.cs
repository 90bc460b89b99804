using Appliance.Chain;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web;

/// <summary>
/// A page that reads the chain and re-reads it on every sealed block: it subscribes to the
/// <see cref="ChainEventHub"/> after its first render, calls back through <c>InvokeAsync</c>, collapses a
/// burst of blocks into one render, and unsubscribes when the circuit lets it go (the Aspire Dashboard's way).
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    private IDisposable? subscription;
    private int queued;

    [Inject]
    private ChainEventHub Hub { get; set; } = null!;

    /// <summary>Reads what the page shows; runs on the renderer, at start and after every block.</summary>
    protected abstract void Load();

    protected override void OnParametersSet() => Load();

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            subscription = Hub.Subscribe(_ => Refresh());
        }
    }

    public virtual void Dispose()
    {
        subscription?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Refresh()
    {
        if (Interlocked.Exchange(ref queued, 1) == 1)
        {
            return;
        }
        _ = InvokeAsync(() =>
        {
            Volatile.Write(ref queued, 0);
            Load();
            StateHasChanged();
        });
    }
}
