using Appliance.Consensus;

namespace Appliance.Web.WhatIf;

/// <summary>
/// One epoch run twice through the chain's own <see cref="YumaEpoch"/>: on the input as it is, and with the
/// user's changes. A dense 256-uid epoch takes a noticeable fraction of a block, so the actual run is kept
/// for every change until the next block, and no changes means no second run.
/// </summary>
public sealed record WhatIfComparison(EpochInput Input, EpochOutput Actual, EpochOutput WhatIf, IReadOnlyList<UidComparison> Rows)
{
    public static WhatIfComparison Compute(EpochInput input, WhatIfChanges changes) => Of(input, YumaEpoch.Run(input), changes);

    /// <summary>The same input and actual run, with other changes.</summary>
    public WhatIfComparison With(WhatIfChanges changes) => Of(Input, Actual, changes);

    private static WhatIfComparison Of(EpochInput input, EpochOutput actual, WhatIfChanges changes)
    {
        var whatIf = changes == WhatIfChanges.None ? actual : YumaEpoch.Run(changes.ApplyTo(input));
        return new WhatIfComparison(input, actual, whatIf, [.. Enumerable.Range(0, input.N).Select(uid => UidComparison.Of(uid, actual, whatIf))]);
    }
}
