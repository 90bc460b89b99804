namespace Appliance.Consensus;

/// <summary>
/// The subnet hyperparameters the epoch reads (spec §3, §4), with the defaults of a subnet created by
/// init_new_network: Yuma 3 on, liquid alpha off.
/// </summary>
public sealed record YumaHyperparameters(
    ushort Kappa = 32_767,
    ushort BondsPenalty = 65_535,
    ulong BondsMovingAverage = 900_000,
    bool Yuma3 = true,
    bool LiquidAlpha = false,
    ushort AlphaLow = 45_875,
    ushort AlphaHigh = 58_982,
    short AlphaSigmoidSteepness = 1_000,
    ushort MaxAllowedValidators = 64,
    ulong StakeThreshold = 0,
    ushort? OwnerUid = null)
{
    public static YumaHyperparameters Default { get; } = new();

    /// <summary>κ = kappa/65535 (get_float_kappa).</summary>
    public I32F32 KappaProportion => I32F32.FromU16Proportion(Kappa);

    /// <summary>β = bonds_penalty/65535.</summary>
    public I32F32 BondsPenaltyProportion => I32F32.FromU16Proportion(BondsPenalty);

    /// <summary>The bonds EMA coefficient α = 1 − I32F32(I64F64(bma)/10^6); 900 000 gives exactly bits 429 496 730.</summary>
    public I32F32 BondsAlpha => I32F32.One - (I64F64.FromU64(BondsMovingAverage) / I64F64.FromU64(1_000_000)).ToI32F32();

    /// <summary>Activity cutoff in blocks from ActivityCutoffFactorMilli: max(1, factor·tempo/1000).</summary>
    public static ulong ActivityCutoffBlocks(ulong factorMilli, ulong tempo) =>
        Math.Max(1, (ulong)((UInt128)factorMilli * tempo / 1000));
}
