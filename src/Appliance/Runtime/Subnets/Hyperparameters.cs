using Appliance.Primitives;
using Appliance.State;

namespace Appliance.Runtime.Subnets;

/// <summary>
/// Every subnet hyperparameter with subtensor's name and new-subnet default (spec §4). Bounds are what an
/// owner may set; the appliance lets owners set tempo from 1 (subtensor's owner minimum is 360) so demos
/// can run fast epochs.
/// </summary>
public static class Hyperparameters
{
    public static readonly Hyperparameter Tempo = new("tempo", 360, 1, 50_400);
    public static readonly Hyperparameter MaxAllowedUids = new("max_allowed_uids", 256, 1, 4096);
    public static readonly Hyperparameter MaxAllowedValidators = new("max_allowed_validators", 64, 1, 4096);
    public static readonly Hyperparameter ImmunityPeriod = new("immunity_period", 5000, 0, 65_535);
    public static readonly Hyperparameter MinBurn = new("min_burn", 500_000, 0, 21_000_000 * (long)Rao.PerTao);
    public static readonly Hyperparameter MaxBurn = new("max_burn", 100 * (long)Rao.PerTao, 0, 21_000_000 * (long)Rao.PerTao);
    public static readonly Hyperparameter BurnHalfLife = new("burn_half_life", 360, 0, 36_100);
    public static readonly Hyperparameter BurnIncreaseMult = new("burn_increase_mult", 1_260_000, 1_000_000, 100_000_000, HyperparameterKind.Millionths);
    public static readonly Hyperparameter WeightsRateLimit = new("weights_rate_limit", 100, 0, 100_000);
    public static readonly Hyperparameter WeightsVersionKey = new("weights_version_key", 0, 0, long.MaxValue);
    public static readonly Hyperparameter ActivityCutoffFactorMilli = new("activity_cutoff_factor_milli", 13_889, 1_000, 50_000);
    public static readonly Hyperparameter Kappa = new("kappa", 32_767, 0, 65_535);
    public static readonly Hyperparameter BondsMovingAverage = new("bonds_moving_average", 900_000, 0, 1_000_000);
    public static readonly Hyperparameter BondsPenalty = new("bonds_penalty", 65_535, 0, 65_535);
    public static readonly Hyperparameter Yuma3 = new("yuma3", 1, 0, 1, HyperparameterKind.Boolean);
    public static readonly Hyperparameter LiquidAlphaEnabled = new("liquid_alpha_enabled", 0, 0, 1, HyperparameterKind.Boolean);
    public static readonly Hyperparameter AlphaLow = new("alpha_low", 45_875, 1_638, 65_535);
    public static readonly Hyperparameter AlphaHigh = new("alpha_high", 58_982, 1_638, 65_535);
    public static readonly Hyperparameter AlphaSigmoidSteepness = new("alpha_sigmoid_steepness", 1_000, short.MinValue, short.MaxValue);
    public static readonly Hyperparameter CommitRevealWeightsEnabled = new("commit_reveal_weights_enabled", 1, 0, 1, HyperparameterKind.Boolean);
    public static readonly Hyperparameter CommitRevealPeriod = new("commit_reveal_period", 1, 1, 100);
    public static readonly Hyperparameter MinAllowedWeights = new("min_allowed_weights", 1, 0, 65_535);
    public static readonly Hyperparameter MaxWeightLimit = new("max_weight_limit", 65_535, 0, 65_535);
    public static readonly Hyperparameter RegistrationAllowed = new("registration_allowed", 1, 0, 1, HyperparameterKind.Boolean);
    public static readonly Hyperparameter ServingRateLimit = new("serving_rate_limit", 50, 0, 100_000);
    public static readonly Hyperparameter StakeThreshold = new("stake_threshold", 0, 0, 21_000_000 * (long)Rao.PerTao);
    public static readonly Hyperparameter MinNonImmuneUids = new("min_non_immune_uids", 10, 0, 4096);
    public static readonly Hyperparameter ImmuneOwnerUidsLimit = new("immune_owner_uids_limit", 1, 1, 10);

    public static readonly IReadOnlyList<Hyperparameter> All =
    [
        Tempo, MaxAllowedUids, MaxAllowedValidators, ImmunityPeriod, MinBurn, MaxBurn, BurnHalfLife, BurnIncreaseMult,
        WeightsRateLimit, WeightsVersionKey, ActivityCutoffFactorMilli, Kappa, BondsMovingAverage, BondsPenalty, Yuma3,
        LiquidAlphaEnabled, AlphaLow, AlphaHigh, AlphaSigmoidSteepness, CommitRevealWeightsEnabled, CommitRevealPeriod,
        MinAllowedWeights, MaxWeightLimit, RegistrationAllowed, ServingRateLimit, StakeThreshold, MinNonImmuneUids,
        ImmuneOwnerUidsLimit,
    ];

    public static readonly IReadOnlyDictionary<string, Hyperparameter> ByName = All.ToDictionary(h => h.Name);

    /// <summary>The parameters that are amounts in rao: set in rao, shown to people in τ beside it.</summary>
    public static readonly IReadOnlySet<string> RaoAmounts = new HashSet<string> { MinBurn.Name, MaxBurn.Name, StakeThreshold.Name };

    private static readonly StorageMap<HyperparameterKey, I64> Values = new(SubnetsModule.Name, "Hyperparameter");

    public static long Get(IStateReader state, NetUid netuid, Hyperparameter parameter) =>
        Values.GetOrDefault(state, new HyperparameterKey(netuid, parameter.Name), new I64(parameter.Default)).Value;

    public static void Set(StateOverlay state, NetUid netuid, Hyperparameter parameter, long value) =>
        Values.Set(state, new HyperparameterKey(netuid, parameter.Name), new I64(value));

    /// <summary>The cross-parameter rules a single bound cannot express, checked with the new value in place.</summary>
    public static string? Inconsistency(IStateReader state, NetUid netuid, Hyperparameter changed, long value)
    {
        long Value(Hyperparameter p) => p == changed ? value : Get(state, netuid, p);
        if (Value(MinBurn) > Value(MaxBurn))
        {
            return $"min_burn {Value(MinBurn)} would exceed max_burn {Value(MaxBurn)}";
        }
        if (Value(AlphaLow) > Value(AlphaHigh))
        {
            return $"alpha_low {Value(AlphaLow)} would exceed alpha_high {Value(AlphaHigh)}";
        }
        if (Value(MaxAllowedValidators) > Value(MaxAllowedUids))
        {
            return $"max_allowed_validators {Value(MaxAllowedValidators)} would exceed max_allowed_uids {Value(MaxAllowedUids)}";
        }
        return null;
    }

    /// <summary>Blocks without weights after which a validator counts as inactive: max(1, factor‰ × tempo).</summary>
    public static ulong ActivityCutoff(IStateReader state, NetUid netuid) =>
        (ulong)Math.Max(1, Get(state, netuid, ActivityCutoffFactorMilli) * Get(state, netuid, Tempo) / 1000);
}
