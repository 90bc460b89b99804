namespace Appliance.Bench.Soak;

/// <summary>
/// Polls the UI's pages as a browser's first request does (the server-rendered HTML, no circuit):
/// <see cref="Pollers"/> pollers walk the page list, each page once a <see cref="Pace"/>.
/// </summary>
public sealed class UiLoad(HttpClient http, string aliceAddress)
{
    private const int Pollers = 2;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(250);

    private readonly string[] _pages =
        ["/", "/subnets/1", "/blocks", "/miners", "/wallets", "/blocks/1", "/subnets/1/neurons/0", $"/accounts/{aliceAddress}", "/what-if/1"];

    public Task RunAsync(LoadWindow window) => Task.WhenAll(Enumerable.Range(0, Pollers).Select(poller => PollAsync(poller, window)));

    private async Task PollAsync(int poller, LoadWindow window)
    {
        for (var turn = 0L; turn < window.MaxTurns && !window.Stop.IsCancellationRequested; turn++)
        {
            try
            {
                using var response = await http.GetAsync(_pages[(turn + poller) % _pages.Length], window.Stop);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // Recorded by the handler; the window's end shows in the loop's condition.
            }
            await window.PauseAsync(Pace);
        }
    }
}
