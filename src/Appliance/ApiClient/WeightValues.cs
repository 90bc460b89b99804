namespace Appliance.ApiClient;

/// <summary>Weights as a validator thinks of them (any non-negative numbers) turned into what set_weights carries.</summary>
public static class WeightValues
{
    /// <summary>Scales so the largest weight is 65535 (the SDK's convert_weights_and_uids_for_emit).</summary>
    public static List<ushort> ToU16(IReadOnlyList<double> values)
    {
        if (values.Any(v => v < 0 || double.IsNaN(v) || double.IsInfinity(v)))
        {
            throw new ArgumentException("InvalidWeights: weights must be finite and non-negative.", nameof(values));
        }
        var max = values.DefaultIfEmpty(0).Max();
        return values.Select(v => max == 0 ? (ushort)0 : (ushort)Math.Round(v / max * 65535, MidpointRounding.AwayFromZero)).ToList();
    }
}
