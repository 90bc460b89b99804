using System.Text.Json;
using Appliance.Storage;

namespace Appliance.Queries;

/// <summary>One balance transfer as its Transfer event recorded it (SS58 addresses, amount in rao).</summary>
public sealed record TransferRecord(ulong Block, string From, string To, ulong Amount)
{
    public static TransferRecord Of(TransferRow row)
    {
        using var json = JsonDocument.Parse(row.Fields);
        var fields = json.RootElement;
        return new TransferRecord(
            (ulong)row.BlockNumber, fields.GetProperty("from").GetString()!, fields.GetProperty("to").GetString()!, fields.GetProperty("amount").GetUInt64());
    }
}
