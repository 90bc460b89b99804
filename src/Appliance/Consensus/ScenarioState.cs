using System.Text.Json;

namespace Appliance.Consensus;

/// <summary>The epoch inputs a <see cref="YumaScenario"/> evolves between epochs (README.md, actions table).</summary>
internal sealed class ScenarioState
{
    private YumaHyperparameters _hyperparameters = YumaHyperparameters.Default;
    private ulong _tempo = 360;
    private ulong _activityCutoffFactorMilli = 13_889;
    private ulong _lastMechanismStepBlock;
    private bool _commitReveal;

    public ScenarioState(JsonElement initial)
    {
        N = initial.GetProperty("n").GetInt32();
        CurrentBlock = initial.GetProperty("current_block").GetUInt64();
        Stake = U64s(initial.GetProperty("stake"));
        BlockAtRegistration = U64s(initial.GetProperty("block_at_registration"));
        LastUpdate = U64s(initial.GetProperty("last_update"));
        ValidatorPermit = [.. initial.GetProperty("validator_permit").EnumerateArray().Select(e => e.GetBoolean())];
        Weights = [.. initial.GetProperty("weights").EnumerateArray().Select(YumaScenario.Row)];
        Bonds = [.. initial.GetProperty("bonds").EnumerateArray().Select(YumaScenario.Row)];
    }

    public int N { get; }
    public ulong CurrentBlock { get; set; }
    public ulong[] Stake { get; }
    public ulong[] BlockAtRegistration { get; }
    public ulong[] LastUpdate { get; set; }
    public bool[] ValidatorPermit { get; set; }
    public (ushort Uid, ushort Value)[][] Weights { get; }
    public (ushort Uid, ushort Value)[][] Bonds { get; set; }

    /// <summary>A registration into a full subnet (spec §9.2): the uid's rows go, other rows keep a 0 entry for it.</summary>
    public void ReplaceNeuron(int uid, ulong block, ulong stake)
    {
        BlockAtRegistration[uid] = block;
        LastUpdate[uid] = block;
        Weights[uid] = [];
        Bonds[uid] = [];
        for (var i = 0; i < N; i++)
        {
            Weights[i] = [.. Weights[i].Select(e => e.Uid == uid ? (e.Uid, (ushort)0) : e)];
        }
        ValidatorPermit[uid] = false;
        Stake[uid] = stake;
    }

    public void SetHyperparameter(string name, JsonElement value)
    {
        switch (name)
        {
            case "tempo": _tempo = value.GetUInt64(); break;
            case "activity_cutoff_factor_milli": _activityCutoffFactorMilli = value.GetUInt64(); break;
            case "last_mechanism_step_block": _lastMechanismStepBlock = value.GetUInt64(); break;
            case "commit_reveal_enabled": _commitReveal = value.GetBoolean(); break;
            case "tao_weight" when value.GetDouble() == 0: break;
            case "kappa": _hyperparameters = _hyperparameters with { Kappa = value.GetUInt16() }; break;
            case "bonds_penalty": _hyperparameters = _hyperparameters with { BondsPenalty = value.GetUInt16() }; break;
            case "bonds_moving_average": _hyperparameters = _hyperparameters with { BondsMovingAverage = value.GetUInt64() }; break;
            case "yuma3": _hyperparameters = _hyperparameters with { Yuma3 = value.GetBoolean() }; break;
            case "liquid_alpha": _hyperparameters = _hyperparameters with { LiquidAlpha = value.GetBoolean() }; break;
            case "alpha_low": _hyperparameters = _hyperparameters with { AlphaLow = value.GetUInt16() }; break;
            case "alpha_high": _hyperparameters = _hyperparameters with { AlphaHigh = value.GetUInt16() }; break;
            case "alpha_sigmoid_steepness": _hyperparameters = _hyperparameters with { AlphaSigmoidSteepness = value.GetInt16() }; break;
            case "max_allowed_validators": _hyperparameters = _hyperparameters with { MaxAllowedValidators = value.GetUInt16() }; break;
            case "stake_threshold": _hyperparameters = _hyperparameters with { StakeThreshold = value.GetUInt64() }; break;
            case "owner_uid":
                _hyperparameters = _hyperparameters with { OwnerUid = value.ValueKind == JsonValueKind.Null ? null : value.GetUInt16() };
                break;
            default:
                throw new InvalidDataException($"UnknownScenarioHyperparameter: '{name}' = {value}. Expected a hyperparameter of the README's schema (tao_weight only 0).");
        }
    }

    /// <summary>Commit-reveal adds no commits in a scenario, so its column mask sees u64::MAX for every uid.</summary>
    public EpochInput ToEpochInput(ulong raoEmission) => new(
        N, CurrentBlock, _tempo, YumaHyperparameters.ActivityCutoffBlocks(_activityCutoffFactorMilli, _tempo),
        [.. Stake], [.. LastUpdate], [.. BlockAtRegistration], [.. ValidatorPermit], [.. Weights], [.. Bonds],
        _hyperparameters, raoEmission, _commitReveal ? Enumerable.Repeat(ulong.MaxValue, N).ToArray() : null, _lastMechanismStepBlock);

    private static ulong[] U64s(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetUInt64())];
}
