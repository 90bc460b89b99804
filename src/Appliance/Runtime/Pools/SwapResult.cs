namespace Appliance.Runtime.Pools;

/// <summary>
/// One swap through a pool (subtensor's SwapResult): what went into the pool net of the fee, what came out,
/// and the fee, all in rao of the side they are paid in (TAO for a buy, alpha for a sell).
/// </summary>
public readonly record struct SwapResult(ulong PaidIn, ulong PaidOut, ulong Fee);
