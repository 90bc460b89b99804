using Appliance.Contracts;
using Appliance.Primitives;

namespace Appliance.Web;

/// <summary>
/// A dynamic subnet's price over its recent blocks, as a Chart.js configuration: the spot price and the moving
/// price (the EMA that sets its emission share), in TAO per alpha, one point per block it emitted in. The moving
/// price starts at 0 and creeps up for months of blocks, so it has its own axis on the right.
/// </summary>
public static class PriceCharts
{
    public static object Price(IReadOnlyList<PricePointView> points) => new
    {
        type = "line",
        data = new
        {
            labels = points.Select(p => $"#{p.Block}").ToList(),
            datasets = new object[]
            {
                Line("price τ/α", points.Select(p => p.Price), "#2f6fde", "y"),
                Line("moving price τ/α (right)", points.Select(p => p.MovingPrice), "#b7791f", "y1"),
            },
        },
        options = new
        {
            plugins = new { title = new { display = true, text = "price (τ per α)" } },
            scales = new { y = new { position = "left" }, y1 = new { position = "right", grid = new { drawOnChartArea = false } } },
        },
    };

    private static object Line(string label, IEnumerable<ulong> rao, string color, string axis) => new
    {
        label,
        yAxisID = axis,
        data = rao.Select(r => r / (double)Rao.PerTao).ToList(),
        borderColor = color,
        backgroundColor = color,
        tension = 0.1,
        pointRadius = 0,
    };
}
