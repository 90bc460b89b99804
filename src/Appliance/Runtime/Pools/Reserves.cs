namespace Appliance.Runtime.Pools;

/// <summary>A subnet pool's reserves in rao: TAO (subtensor's SubnetTAO, y) and alpha (SubnetAlphaIn, x).</summary>
public readonly record struct Reserves(ulong Tao, ulong Alpha);
