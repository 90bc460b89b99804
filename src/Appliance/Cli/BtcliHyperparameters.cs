using System.Globalization;
using System.Text.Json;
using Appliance.Runtime.Subnets;

namespace Appliance.Cli;

/// <summary>
/// btcli's hyperparameter names (bittensor_cli's HYPERPARAMS, used by <c>btcli sudo set --param</c> and
/// <c>btcli subnets hyperparameters</c>) where they differ from ours, which are subtensor's storage names; and
/// the normalized reading btcli shows beside a raw value (rao as τ, u16 and per-million fractions in [0, 1]).
/// btcli's <c>activity_cutoff</c> is a block count and has no alias: ours is a factor of the tempo.
/// </summary>
public static class BtcliHyperparameters
{
    /// <summary>btcli name → ours; older btcli releases' names last, so the first alias of a parameter is current btcli's.</summary>
    public static readonly IReadOnlyList<(string Btcli, string Ours)> Aliases =
    [
        ("max_weights_limit", "max_weight_limit"),
        ("weights_version", "weights_version_key"),
        ("bonds_moving_avg", "bonds_moving_average"),
        ("max_validators", "max_allowed_validators"),
        ("yuma3_enabled", "yuma3"),
        ("commit_reveal_weights_interval", "commit_reveal_period"),
        ("network_registration_allowed", "registration_allowed"),
    ];

    private static readonly IReadOnlySet<string> U16Fractions = new HashSet<string>
    {
        "kappa", "max_weight_limit", "alpha_low", "alpha_high", "bonds_penalty",
    };

    /// <summary>The parameter under our name or btcli's, or null when neither names one.</summary>
    public static Hyperparameter? Find(string name) =>
        Hyperparameters.ByName.GetValueOrDefault(Aliases.FirstOrDefault(a => a.Btcli == name).Ours ?? name);

    /// <summary>btcli's name for one of ours, or "" where btcli uses ours too.</summary>
    public static string BtcliName(string ours) => Aliases.FirstOrDefault(a => a.Ours == ours).Btcli ?? "";

    /// <summary>The value as a person reads it, with its unit: "0.000500000 τ", "0.50000", or "" where the raw value is already that.</summary>
    public static string Normalized(string name, JsonElement value) => value.ValueKind != JsonValueKind.Number
        ? ""
        : Hyperparameters.RaoAmounts.Contains(name) ? $"{Output.Tao(value.GetUInt64())} {Output.Tau}"
        : U16Fractions.Contains(name) ? Output.Ratio(value.GetDouble() / ushort.MaxValue)
        : name == "bonds_moving_average" ? (value.GetDouble() / 1_000_000).ToString("0.000000", CultureInfo.InvariantCulture)
        : "";
}
