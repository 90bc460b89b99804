namespace Appliance.Consensus;

/// <summary>
/// What one epoch produces, per uid (spec §5.11): u16 proportions (floor(x·65535)), emission in rao and
/// the new bonds rows. <see cref="Emission"/> is the stored combined emission; the coinbase pays
/// <see cref="ServerEmission"/> and <see cref="ValidatorEmission"/>. Rank, Trust and PruningScore are
/// the legacy display values (§5.6, §10.9).
/// </summary>
public sealed record EpochOutput(
    bool[] Active,
    ushort[] StakeWeight,
    ushort[] Consensus,
    ushort[] Incentive,
    ushort[] Dividends,
    ushort[] ValidatorTrust,
    ushort[] Rank,
    ushort[] Trust,
    ushort[] PruningScore,
    bool[] ValidatorPermit,
    ulong[] Emission,
    ulong[] ServerEmission,
    ulong[] ValidatorEmission,
    (ushort Uid, ushort Value)[][] Bonds);
