using Appliance.Primitives;

namespace Appliance.Cli;

/// <summary>One add or remove of stake on a subnet: the pool, the hotkey, the amount (TAO to add, stake to remove) and the limit price if any.</summary>
public sealed record StakeOrder(SubnetPool Pool, AccountId Hotkey, Rao Amount, ulong? Limit, bool Partial);
