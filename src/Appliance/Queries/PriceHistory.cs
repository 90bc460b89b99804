using System.Text.Json;
using Appliance.Contracts;
using Appliance.Primitives;
using Appliance.Storage;
using Microsoft.Data.Sqlite;

namespace Appliance.Queries;

/// <summary>
/// A dynamic subnet's price over recent blocks, read from its SubnetEmission events (one per emitting subnet
/// per block, written by the dynamic coinbase), so the history needs no storage of its own. A classic chain,
/// or a subnet not started yet, has none.
/// </summary>
public static class PriceHistory
{
    public const string EventName = "SubnetEmission";

    /// <summary>The subnet's last <paramref name="count"/> blocks of emission, oldest first.</summary>
    public static IReadOnlyList<PricePointView> Read(SqliteConnection connection, NetUid netuid, int count) =>
        BlockStore.SubnetEvents(connection, EventName, netuid.Value, count).Select(Point).Reverse().ToList();

    private static PricePointView Point(EventRow row)
    {
        using var json = JsonDocument.Parse(row.Fields);
        var fields = json.RootElement;
        ulong Field(string name) => fields.GetProperty(name).GetUInt64();
        return new PricePointView(
            (ulong)row.BlockNumber, Field("price"), Field("moving_price"), Field("tao_in"), Field("excess_tao"), Field("alpha_in"), Field("alpha_out"));
    }
}
