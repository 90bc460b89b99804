using Appliance.Contracts;
using Appliance.Primitives;

namespace Appliance.Web;

/// <summary>
/// A dynamic subnet's price over its recent blocks, as a Chart.js configuration: the spot price and the moving
/// price (the EMA that sets its emission share), in TAO per alpha, one point per block it emitted in.
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
                Line("price τ/α", points.Select(p => p.Price), "#2f6fde"),
                Line("moving price τ/α", points.Select(p => p.MovingPrice), "#b7791f"),
            },
        },
        options = new { plugins = new { title = new { display = true, text = "price (τ per α)" } } },
    };

    private static object Line(string label, IEnumerable<ulong> rao, string color) => new
    {
        label,
        data = rao.Select(r => r / (double)Rao.PerTao).ToList(),
        borderColor = color,
        backgroundColor = color,
        tension = 0.1,
        pointRadius = 0,
    };
}
