using System.Diagnostics;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Subnets;

namespace Appliance.Runtime;

/// <summary>
/// Why a call was refused: a code from the catalogue and a sentence saying what happened. The same
/// "Code: detail" text reaches the failed-extrinsic event, the stored result, the API and the CLI.
/// </summary>
public sealed record DispatchError(DispatchErrorCode Code, string Detail)
{
    /// <summary>The pallet the code belongs to, read from the code's high byte (its pallet index).</summary>
    public string Module => ((int)Code >> 8) switch
    {
        BalancesModule.Index => BalancesModule.Name,
        SubnetsModule.Index => SubnetsModule.Name,
        var index => throw new UnreachableException($"{Code} names no pallet (index {index})."),
    };

    public override string ToString() => $"{Code}: {Detail}";
}
