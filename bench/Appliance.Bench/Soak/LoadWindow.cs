namespace Appliance.Bench.Soak;

/// <summary>
/// When the load runs: a token cancelled at the end, and a cap on any load loop's turns (a thousand a second
/// of the window, far above what a loop of HTTP requests makes), so every loop ends by count as well as by time.
/// </summary>
public sealed class LoadWindow : IDisposable
{
    private readonly CancellationTokenSource _end;

    public LoadWindow(TimeSpan duration)
    {
        Duration = duration;
        _end = new CancellationTokenSource(duration);
        MaxTurns = (long)Math.Ceiling(duration.TotalSeconds * 1000);
    }

    public TimeSpan Duration { get; }

    public CancellationToken Stop => _end.Token;

    public long MaxTurns { get; }

    /// <summary>Waits <paramref name="delay"/>, or less when the window ends first; never throws.</summary>
    public async Task PauseAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, Stop);
        }
        catch (OperationCanceledException)
        {
            // The window ended: the caller's loop sees Stop and returns.
        }
    }

    public void Dispose() => _end.Dispose();
}
