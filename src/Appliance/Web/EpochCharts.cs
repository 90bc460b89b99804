using Appliance.Primitives;
using Appliance.Queries;

namespace Appliance.Web;

/// <summary>
/// Chart.js configurations drawn from a subnet's epoch history: one line per uid over the last epochs, for
/// the uids that earned most in the latest one (all 256 lines would be unreadable on a projector).
/// </summary>
public static class EpochCharts
{
    public const int Lines = 8;
    private static readonly string[] Palette = ["#2f6fde", "#1f8a4c", "#c4372c", "#b7791f", "#7e57c2", "#00897b", "#d81b60", "#6d8196"];

    /// <param name="unit">τ, or α on a dynamic subnet, whose epochs pay its alpha.</param>
    public static object Emission(IReadOnlyList<EpochRecord> epochs, IReadOnlyCollection<ushort> uids, string unit) =>
        Line(epochs, uids, $"emission per epoch ({unit})", (e, uid) => uid < e.Emission.Count ? e.Emission[uid] / (double)Rao.PerTao : 0);

    public static object Incentive(IReadOnlyList<EpochRecord> epochs, IReadOnlyCollection<ushort> uids) =>
        Line(epochs, uids, "incentive", (e, uid) => uid < e.Incentive.Count ? EpochRecord.Proportion(e.Incentive[uid]) : 0);

    /// <summary>The uids to draw: the top earners of the latest epoch, in uid order.</summary>
    public static IReadOnlyCollection<ushort> TopUids(IReadOnlyList<EpochRecord> epochs) =>
        epochs.Count == 0 ? []
        : epochs[^1].Emission.Select((rao, u) => (rao, u: (ushort)u)).OrderByDescending(x => x.rao).ThenBy(x => x.u).Take(Lines).Select(x => x.u).Order().ToList();

    private static object Line(IReadOnlyList<EpochRecord> epochs, IReadOnlyCollection<ushort> uids, string title, Func<EpochRecord, ushort, double> value) => new
    {
        type = "line",
        data = new
        {
            labels = epochs.Select(e => $"#{e.Block}").ToList(),
            datasets = uids.Select((uid, i) => new
            {
                label = $"uid {uid}",
                data = epochs.Select(e => value(e, uid)).ToList(),
                borderColor = Palette[i % Palette.Length],
                backgroundColor = Palette[i % Palette.Length],
                tension = 0.2,
                pointRadius = 2,
            }).ToList(),
        },
        options = new { plugins = new { title = new { display = true, text = title } }, scales = new { y = new { beginAtZero = true } } },
    };
}
