using System.Globalization;

namespace Appliance.Runtime.Subnets;

/// <summary>
/// One subnet hyperparameter: subtensor's name, its default for a new subnet (../shared/yuma/spec.md §4),
/// and the bounds the owner may set it within. Values are stored as integers; booleans as 0/1 and
/// burn_increase_mult in millionths (1.26 → 1 260 000).
/// </summary>
public sealed record Hyperparameter(string Name, long Default, long Min, long Max, HyperparameterKind Kind = HyperparameterKind.Integer)
{
    public object Display(long value) => Kind switch
    {
        HyperparameterKind.Boolean => value != 0,
        HyperparameterKind.Millionths => value / 1_000_000m,
        _ => value,
    };

    /// <summary>Parses a value as a user writes it ("true", "1.26", "360").</summary>
    public bool TryParse(string text, out long value)
    {
        value = 0;
        switch (Kind)
        {
            case HyperparameterKind.Boolean when bool.TryParse(text, out var flag):
                value = flag ? 1 : 0;
                return true;
            case HyperparameterKind.Boolean:
                return text is "0" or "1" && long.TryParse(text, out value);
            case HyperparameterKind.Millionths when decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number):
                var scaled = number * 1_000_000m;
                value = scaled == decimal.Truncate(scaled) && scaled <= long.MaxValue ? (long)scaled : -1;
                return value >= 0;
            case HyperparameterKind.Integer:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }
}

public enum HyperparameterKind
{
    Integer,
    Boolean,
    Millionths,
}
