using System.Text.Json;
using Appliance.Storage;

namespace Appliance.Queries;

/// <summary>One epoch of a subnet as its EpochRun event recorded it: the pot, and per uid emission, stake, incentive and dividends.</summary>
public sealed record EpochRecord(
    ulong Block, ulong Pending, ulong OwnerCut, IReadOnlyList<ulong> Emission, IReadOnlyList<ulong> Stake,
    IReadOnlyList<ushort> Incentive, IReadOnlyList<ushort> Dividends)
{
    public static EpochRecord From(EventRow row)
    {
        using var json = JsonDocument.Parse(row.Fields);
        var fields = json.RootElement;
        IReadOnlyList<T> Array<T>(string name, Func<JsonElement, T> read) =>
            fields.TryGetProperty(name, out var values) ? values.EnumerateArray().Select(read).ToList() : [];
        return new EpochRecord(
            (ulong)row.BlockNumber, fields.GetProperty("pending").GetUInt64(), fields.GetProperty("owner_cut").GetUInt64(),
            Array("emission", v => v.GetUInt64()), Array("stake", v => v.GetUInt64()),
            Array("incentive", v => v.GetUInt16()), Array("dividends", v => v.GetUInt16()));
    }

    public static double Proportion(ushort value) => value / 65_535.0;
}
