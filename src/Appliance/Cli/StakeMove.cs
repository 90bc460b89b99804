using Appliance.Primitives;

namespace Appliance.Cli;

/// <summary>One move_stake, transfer_stake or swap_stake: from (coldkey, hotkey, subnet) to (coldkey, hotkey, subnet), an amount of the origin's stake.</summary>
public sealed record StakeMove(
    SubnetPool Origin, SubnetPool Destination, AccountId OriginColdkey, AccountId DestinationColdkey, AccountId OriginHotkey, AccountId DestinationHotkey, Rao Alpha)
{
    public bool SameStake => OriginColdkey == DestinationColdkey && OriginHotkey == DestinationHotkey && Origin.Netuid == Destination.Netuid;
}
