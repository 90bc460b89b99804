using System.Net.Http.Headers;

namespace Appliance.Bench.Soak;

/// <summary>
/// Clients of GET /api/events that connect, read <see cref="EventsPerVisit"/> block events and hang up, over
/// and over, <see cref="Clients"/> at a time: each visit subscribes to the node's event hub and must leave it
/// when dropped. A visit that sees no events within <see cref="Patience"/> counts as stalled.
/// </summary>
public sealed class EventStreamLoad(HttpClient http)
{
    private const int Clients = 4;
    private const int EventsPerVisit = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan BetweenVisits = TimeSpan.FromMilliseconds(200);

    private long _visits;
    private long _events;
    private long _stalled;

    public long Visits => Interlocked.Read(ref _visits);

    public long Events => Interlocked.Read(ref _events);

    public long Stalled => Interlocked.Read(ref _stalled);

    public Task RunAsync(LoadWindow window) => Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => VisitAsync(window)));

    private async Task VisitAsync(LoadWindow window)
    {
        for (var turn = 0L; turn < window.MaxTurns && !window.Stop.IsCancellationRequested; turn++)
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(window.Stop);
            patience.CancelAfter(Patience);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, patience.Token);
                Interlocked.Increment(ref _visits);
                if (response.IsSuccessStatusCode)
                {
                    await ReadEventsAsync(response, patience.Token);
                }
            }
            catch (OperationCanceledException) when (!window.Stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref _stalled);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
            {
                // Recorded by the handler, or the window ended mid-visit.
            }
            await window.PauseAsync(BetweenVisits);
        }
    }

    private async Task ReadEventsAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation));
        var seen = 0;
        while (seen < EventsPerVisit && await reader.ReadLineAsync(cancellation) is { } line)
        {
            if (line.StartsWith("event: block", StringComparison.Ordinal))
            {
                seen++;
                Interlocked.Increment(ref _events);
            }
        }
    }
}
