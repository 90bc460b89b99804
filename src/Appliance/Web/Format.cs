using System.Globalization;
using System.Text.Json.Nodes;
using Appliance.Primitives;

namespace Appliance.Web;

/// <summary>How the pages write numbers: TAO from rao, proportions, short hashes and addresses, times.</summary>
public static class Format
{
    /// <summary>The call and event fields that hold rao (subtensor's names), shown in TAO where a person reads them.</summary>
    private static readonly HashSet<string> RaoFields =
        ["amount", "burn", "carried_over", "emission", "fee", "free_balance", "lock", "owner_cut", "pending", "stake", "tip",
            "tao", "tao_in", "excess_tao", "block_emission", "price", "moving_price", "limit_price"];

    /// <summary>The dynamic chain's fields that hold rao of a subnet's alpha, shown in α.</summary>
    private static readonly HashSet<string> AlphaFields =
        ["alpha", "alpha_in", "alpha_out", "alpha_amount", "received", "pending_server", "pending_validator", "pending_root", "burned"];

    /// <summary>A dynamic epoch's pot and payouts (EpochRun with "unit": "alpha"): its rao fields are alpha.</summary>
    private static readonly HashSet<string> EpochFields = ["carried_in", "carried_over", "emission", "owner_cut", "pending", "server_emission", "stake", "validator_emission"];

    public static string Tao(ulong rao) => (rao / (decimal)Rao.PerTao).ToString("#,0.####", CultureInfo.InvariantCulture);

    /// <summary>A price in rao of TAO per alpha, with all 9 decimals it has: a young subnet's moving price is a few rao.</summary>
    public static string Price(ulong rao) => (rao / (decimal)Rao.PerTao).ToString("#,0.#########", CultureInfo.InvariantCulture);

    public static string Proportion(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Short(string hashOrAddress) => hashOrAddress.Length <= 14 ? hashOrAddress : $"{hashOrAddress[..8]}…{hashOrAddress[^6..]}";

    /// <summary>A narrower <see cref="Short"/> for wide tables; the full text goes in the cell's title.</summary>
    public static string Shorter(string address) => address.Length <= 11 ? address : $"{address[..6]}…{address[^4..]}";

    public static string Time(ulong unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)unixMilliseconds).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// A call's arguments or an event's fields as JSON, with every rao field (and list of them) written in TAO, e.g.
    /// <c>"amount": "1.5 τ"</c>, and alpha in α (a stake sale's fee is alpha: <paramref name="eventName"/> StakeRemoved). <paramref name="valueIsRao"/>: Balances' calls name their amount <c>value</c>, which elsewhere is not rao.
    /// </summary>
    public static string Fields(JsonNode? node, bool valueIsRao = false, string? eventName = null)
    {
        if (node is not JsonObject fields)
        {
            return node?.ToJsonString() ?? "";
        }
        var alphaEpoch = fields["unit"]?.GetValue<string>() == "alpha";
        var shown = new JsonObject();
        foreach (var (name, value) in fields)
        {
            shown[name] = AlphaFields.Contains(name) || (alphaEpoch && EpochFields.Contains(name)) || (eventName == "StakeRemoved" && name == "fee") ? InUnit(value, "α")
                : RaoFields.Contains(name) || (valueIsRao && name == "value") ? InUnit(value, "τ")
                : value?.DeepClone();
        }
        return shown.ToJsonString();
    }

    private static JsonNode? InUnit(JsonNode? value, string unit) => value switch
    {
        JsonValue number when number.TryGetValue<ulong>(out var rao) => $"{Tao(rao)} {unit}",
        JsonArray list => new JsonArray(list.Select(v => InUnit(v, unit)).ToArray()),
        _ => value?.DeepClone(),
    };
}
