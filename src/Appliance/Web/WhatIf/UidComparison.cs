using Appliance.Consensus;

namespace Appliance.Web.WhatIf;

/// <summary>One uid's incentive and dividends (u16) and emission (rao, server plus validator: what EpochRunner pays) in both runs.</summary>
public sealed record UidComparison(
    int Uid, ushort ActualIncentive, ushort WhatIfIncentive, ushort ActualDividends, ushort WhatIfDividends, ulong ActualEmission, ulong WhatIfEmission)
{
    public static UidComparison Of(int uid, EpochOutput actual, EpochOutput whatIf) => new(
        uid, actual.Incentive[uid], whatIf.Incentive[uid], actual.Dividends[uid], whatIf.Dividends[uid], Paid(actual, uid), Paid(whatIf, uid));

    public bool Changed => ActualIncentive != WhatIfIncentive || ActualDividends != WhatIfDividends || ActualEmission != WhatIfEmission;

    private static ulong Paid(EpochOutput output, int uid) => output.ServerEmission[uid] + output.ValidatorEmission[uid];
}
