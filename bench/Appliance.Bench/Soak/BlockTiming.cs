using System.Net.Http.Json;
using Appliance.Contracts;

namespace Appliance.Bench.Soak;

/// <summary>
/// How punctually blocks were sealed during the load: the gaps between consecutive blocks' timestamps, read
/// through GET /api/blocks?before=N&amp;count=M after the load, against the configured block time. A gap up to
/// <see cref="OnTimeFactor"/> × the block time is on time.
/// </summary>
public sealed record BlockTiming(
    ulong FirstBlock, ulong LastBlock, int Intervals, int OnTime, long WorstGapMs, ulong WorstGapBeforeBlock, double MeanGapMs, long Extrinsics, int MostExtrinsics)
{
    public const double OnTimeFactor = 1.5;
    private const int Page = 500;

    /// <summary>Blocks <paramref name="first"/> to <paramref name="last"/> (both included).</summary>
    public static async Task<BlockTiming> ReadAsync(HttpClient http, ulong first, ulong last, TimeSpan blockTime, CancellationToken cancellation)
    {
        var blocks = new SortedDictionary<ulong, BlockSummaryView>();
        var before = last + 1;
        while (before > first)
        {
            var page = await http.GetFromJsonAsync<List<BlockSummaryView>>($"/api/blocks?before={before}&count={Page}", ApiJson.Options, cancellation) ?? [];
            foreach (var block in page.Where(b => b.Number >= first))
            {
                blocks[block.Number] = block;
            }
            if (page.Count == 0)
            {
                break;
            }
            before = page.Min(b => b.Number);
        }
        var ordered = blocks.Values.ToList();
        var gaps = ordered.Zip(ordered.Skip(1), (a, b) => (Ms: (long)b.Timestamp - (long)a.Timestamp, Before: b.Number)).ToList();
        var worst = gaps.Count == 0 ? (Ms: 0L, Before: first) : gaps.MaxBy(g => g.Ms);
        return new BlockTiming(first, last, gaps.Count, gaps.Count(g => g.Ms <= blockTime.TotalMilliseconds * OnTimeFactor), worst.Ms, worst.Before,
            gaps.Count == 0 ? 0 : gaps.Average(g => g.Ms), ordered.Sum(b => (long)b.ExtrinsicCount), ordered.Count == 0 ? 0 : ordered.Max(b => b.ExtrinsicCount));
    }
}
