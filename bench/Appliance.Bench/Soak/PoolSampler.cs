using System.Globalization;

namespace Appliance.Bench.Soak;

/// <summary>
/// Scrapes GET /metrics once a <see cref="Period"/> for the pool's size (the <c>appliance_pool_extrinsics</c>
/// gauge) and keeps its high-water mark; the scrapes count as requests of their own kind.
/// </summary>
public sealed class PoolSampler(HttpClient http)
{
    public const string Gauge = "appliance_pool_extrinsics";
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private long _samples;

    /// <summary>Null until a scrape showed the gauge.</summary>
    public long? HighWater { get; private set; }

    public long Samples => _samples;

    public async Task RunAsync(LoadWindow window)
    {
        for (var turn = 0L; turn < window.MaxTurns && !window.Stop.IsCancellationRequested; turn++)
        {
            try
            {
                if (Read(await http.GetStringAsync("/metrics", window.Stop)) is { } pooled)
                {
                    _samples++;
                    HighWater = Math.Max(HighWater ?? 0, pooled);
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // Recorded by the handler; the window's end shows in the loop's condition.
            }
            await window.PauseAsync(Period);
        }
    }

    /// <summary>The gauge's value in Prometheus's text format: <c>name{labels} value [timestamp]</c>.</summary>
    public static long? Read(string exposition)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(Gauge, StringComparison.Ordinal) || line.Length == Gauge.Length || line[Gauge.Length] is not ('{' or ' '))
            {
                continue;
            }
            var rest = line[Gauge.Length] == '{' ? line[(line.IndexOf('}') + 1)..] : line[Gauge.Length..];
            var value = rest.Trim().Split(' ')[0];
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? (long)parsed : null;
        }
        return null;
    }
}
