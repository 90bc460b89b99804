namespace Appliance.Bench.Soak;

/// <summary>
/// Every request the load generator made, by kind (api, axon, ui, sse, metrics): how many ended in each status
/// and how long the answered ones took. Nothing is recorded once <c>ending</c> is cancelled (the load window's
/// end), so the requests that the end cuts short do not count as timeouts.
/// </summary>
public sealed class RequestLog(CancellationToken ending)
{
    /// <summary>A request that got no HTTP answer: the client gave up waiting, or the connection failed.</summary>
    public const string Timeout = "timeout";
    public const string ConnectionError = "connection-error";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Kind> _kinds = [];

    /// <param name="latency">Null for a request with no answer.</param>
    public void Record(string kind, string status, TimeSpan? latency)
    {
        if (ending.IsCancellationRequested)
        {
            return;
        }
        lock (_lock)
        {
            if (!_kinds.TryGetValue(kind, out var log))
            {
                _kinds[kind] = log = new Kind();
            }
            log.ByStatus[status] = log.ByStatus.GetValueOrDefault(status) + 1;
            if (latency is { } answered)
            {
                log.LatenciesMs.Add(answered.TotalMilliseconds);
                if (status.StartsWith('2'))
                {
                    log.SuccessLatenciesMs.Add(answered.TotalMilliseconds);
                }
            }
        }
    }

    public IReadOnlyList<RequestSummary> Summaries()
    {
        lock (_lock)
        {
            return _kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k =>
            {
                var all = k.Value.LatenciesMs.Order().ToList();
                var successes = k.Value.SuccessLatenciesMs.Order().ToList();
                return new RequestSummary(k.Key, k.Value.ByStatus.Values.Sum(), new SortedDictionary<string, long>(k.Value.ByStatus, StringComparer.Ordinal),
                    Percentile(all, 0.50), Percentile(all, 0.99), Percentile(successes, 0.50), Percentile(successes, 0.99));
            }).ToList();
        }
    }

    /// <summary>Nearest-rank percentile; null when nothing was answered.</summary>
    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private sealed class Kind
    {
        public Dictionary<string, long> ByStatus { get; } = [];

        public List<double> LatenciesMs { get; } = [];

        public List<double> SuccessLatenciesMs { get; } = [];
    }
}

/// <summary>
/// One kind's requests: counts by status (an HTTP code, or <see cref="RequestLog.Timeout"/>/<see cref="RequestLog.ConnectionError"/>)
/// and latency percentiles in ms of every answer, and of the 2xx answers alone (a quick 429 would flatter the axon's).
/// </summary>
public sealed record RequestSummary(
    string Kind, long Requests, IReadOnlyDictionary<string, long> ByStatus, double? P50Ms, double? P99Ms, double? SuccessP50Ms, double? SuccessP99Ms)
{
    public long ServerErrors => ByStatus.Where(s => s.Key.StartsWith('5')).Sum(s => s.Value);
}
