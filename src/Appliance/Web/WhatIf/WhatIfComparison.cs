using Appliance.Consensus;

namespace Appliance.Web.WhatIf;

/// <summary>One epoch run twice through the chain's own <see cref="YumaEpoch"/>: on the input as it is, and with the user's changes.</summary>
public sealed record WhatIfComparison(EpochOutput Actual, EpochOutput WhatIf, IReadOnlyList<UidComparison> Rows)
{
    public static WhatIfComparison Compute(EpochInput input, WhatIfChanges changes)
    {
        var actual = YumaEpoch.Run(input);
        var whatIf = YumaEpoch.Run(changes.ApplyTo(input));
        return new WhatIfComparison(actual, whatIf, [.. Enumerable.Range(0, input.N).Select(uid => UidComparison.Of(uid, actual, whatIf))]);
    }
}
