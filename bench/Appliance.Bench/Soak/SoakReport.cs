using System.Globalization;
using System.Text.Json;

namespace Appliance.Bench.Soak;

/// <summary>
/// What a soak measured, and its verdict: no 5xx answer of any kind, and the node's RSS at the end at most
/// <see cref="RssGrowthLimit"/> × its RSS at 5 minutes (at the end of warm-up when the load ran under 5 minutes).
/// </summary>
public sealed record SoakReport(
    string StartedUtc, double Minutes, string Machine, string LoadAverageBefore, string LoadAverageAfter, int BlockTimeMs,
    IReadOnlyList<RequestSummary> Requests, long TransfersAccepted, IReadOnlyDictionary<string, long> TransfersRefused, long AxonCompleted,
    long SseVisits, long SseEvents, long SseStalled, long? RssWarmUpKib, long? RssFiveMinutesKib, long? RssEndKib, long? RssMaxKib,
    long? PoolHighWater, long PoolSamples, BlockTiming Blocks, int UpExitCode, double UpStopSeconds, IReadOnlyDictionary<string, long> UpProblems, string UpLog)
{
    public const double RssGrowthLimit = 1.2;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public long ServerErrors => Requests.Sum(r => r.ServerErrors);

    public long? RssReferenceKib => RssFiveMinutesKib ?? RssWarmUpKib;

    public bool RssHeld => RssEndKib is { } end && RssReferenceKib is { } reference && end <= RssGrowthLimit * reference;

    public bool Passed => ServerErrors == 0 && RssHeld;

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Soak of {Minutes:0.##} min from {StartedUtc} on {Machine}; block time {BlockTimeMs} ms; load average {LoadAverageBefore} before, {LoadAverageAfter} after.");
        output.WriteLine();
        output.WriteLine("| kind | requests | by status | p50 ms | p99 ms | 2xx p50 ms | 2xx p99 ms |");
        output.WriteLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var kind in Requests)
        {
            var statuses = string.Join(", ", kind.ByStatus.Select(s => $"{s.Key}: {s.Value}"));
            output.WriteLine($"| {kind.Kind} | {kind.Requests} | {statuses} | {Ms(kind.P50Ms)} | {Ms(kind.P99Ms)} | {Ms(kind.SuccessP50Ms)} | {Ms(kind.SuccessP99Ms)} |");
        }
        output.WriteLine();
        var refused = TransfersRefused.Count == 0 ? "none" : string.Join(", ", TransfersRefused.Select(r => $"{r.Key} {r.Value}"));
        output.WriteLine($"Transfers accepted {TransfersAccepted}, refused: {refused}. Axon completions {AxonCompleted}. SSE visits {SseVisits}, block events read {SseEvents}, stalled {SseStalled}.");
        output.WriteLine($"RSS of up: {Mib(RssWarmUpKib)} after warm-up, {Mib(RssFiveMinutesKib)} at 5 min, {Mib(RssEndKib)} at the end, {Mib(RssMaxKib)} at most.");
        output.WriteLine($"Pool high-water mark {PoolHighWater?.ToString(CultureInfo.InvariantCulture) ?? "n/a (gauge not seen)"} extrinsics over {PoolSamples} scrapes.");
        output.WriteLine($"Blocks #{Blocks.FirstBlock}–#{Blocks.LastBlock}: {Blocks.OnTime} of {Blocks.Intervals} gaps within {BlockTiming.OnTimeFactor}× the block time; " +
            $"mean gap {Blocks.MeanGapMs:0} ms, worst {Blocks.WorstGapMs} ms (before #{Blocks.WorstGapBeforeBlock}); {Blocks.Extrinsics} extrinsics, at most {Blocks.MostExtrinsics} in a block.");
        output.WriteLine($"up stopped on Ctrl-C with exit code {UpExitCode} in {UpStopSeconds:0.0} s; its log: {UpLog}");
        foreach (var (problem, count) in UpProblems)
        {
            output.WriteLine($"  up logged {count}× {problem}");
        }
        output.WriteLine();
        output.WriteLine($"Verdict: {(Passed ? "PASS" : "FAIL")} — {ServerErrors} 5xx answers; RSS at the end {Mib(RssEndKib)} against {RssGrowthLimit}× {Mib(RssReferenceKib)} " +
            $"({(RssFiveMinutesKib is null ? "after warm-up: the load ran under 5 minutes" : "at 5 minutes")}): {(RssHeld ? "held" : "grew beyond it")}.");
    }

    /// <summary>One line: every figure above, the verdict's parts included.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static string Ms(double? ms) => ms is { } value ? value.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Mib(long? kib) => kib is { } value ? $"{value / 1024.0:0.0} MiB" : "n/a";
}
