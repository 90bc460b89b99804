namespace Appliance.Queries;

/// <summary>Stake a coldkey put on a hotkey on one subnet: what a hotkey holds on behalf of its nominators (rao).</summary>
public sealed record NominationRecord(string Coldkey, ushort Netuid, ulong Amount);
