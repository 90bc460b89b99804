using Appliance.Primitives;
using Appliance.Runtime;

namespace Appliance.Chain;

/// <summary>What became of an extrinsic in its block: the fee it paid and whether its call succeeded.</summary>
public sealed record ExtrinsicResult(SignedExtrinsic Extrinsic, int Index, Rao Fee, DispatchError? Error)
{
    public bool Success => Error is null;
}
