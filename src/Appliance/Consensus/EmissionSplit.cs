namespace Appliance.Consensus;

/// <summary>
/// The emission split inside the epoch (spec §5.10): shares of incentive + dividends, the stake fallback
/// when that sum is 0, and rao amounts floor(share·R) computed in I96F32.
/// </summary>
public sealed record EmissionSplit(I32F32[] NormalizedCombined, ulong[] Server, ulong[] Validator, ulong[] Combined)
{
    public static EmissionSplit Compute(I32F32[] incentive, I32F32[] dividends, I32F32[] activeStake, I32F32[] stake, ulong raoEmission)
    {
        var combined = new I32F32[incentive.Length];
        for (var i = 0; i < combined.Length; i++)
        {
            combined[i] = incentive[i] + dividends[i];
        }
        var sum = VectorMath.Sum(combined);
        var server = (I32F32[])incentive.Clone();
        var validator = (I32F32[])dividends.Clone();
        VectorMath.NormalizeUsingSum(server, sum);
        VectorMath.NormalizeUsingSum(validator, sum);
        VectorMath.Normalize(combined);

        if (sum.IsZero)
        {
            var fallback = VectorMath.Sum(activeStake).IsZero ? stake : activeStake;
            validator = (I32F32[])fallback.Clone();
            combined = (I32F32[])fallback.Clone();
        }
        var rao = I96F32.FromU64(raoEmission);
        return new EmissionSplit(combined, ToRao(server, rao), ToRao(validator, rao), ToRao(combined, rao));
    }

    private static ulong[] ToRao(I32F32[] shares, I96F32 rao) => Array.ConvertAll(shares, s => (I96F32.FromI32F32(s) * rao).ToU64Saturating());
}
