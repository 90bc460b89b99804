using System.Text.Json;
using Appliance.Consensus;

namespace Appliance.Bench;

/// <summary>
/// One epoch's inputs for <see cref="EpochVsNumPy"/>, seeded by size: <c>uids</c> uids, all active;
/// <c>validators</c> of them (a random choice) hold stake and last epoch's permits, every other uid has 0
/// stake; each validator has a dense random weights row to every uid (u16, max-upscaled as set_weights
/// stores it); no bonds yet; a new subnet's defaults (Yuma 3, liquid alpha off, κ 32767, β 1, bma 900 000)
/// with max_allowed_validators = validators, and 1 TAO to emit.
/// </summary>
public sealed record EpochBenchInput(EpochInput Input, int[] ValidatorUids, ushort[][] WeightRows)
{
    private const ulong CurrentBlock = 10_000;

    public static EpochBenchInput Create(int uids, int validators)
    {
        var random = new Random(20_260_701 + uids * 1_000 + validators);
        var validatorUids = Enumerable.Range(0, uids).OrderBy(_ => random.Next()).Take(validators).Order().ToArray();
        var stake = new ulong[uids];
        var permits = new bool[uids];
        var weightRows = new ushort[validators][];
        var rows = new IReadOnlyList<(ushort, ushort)>[uids];
        Array.Fill(rows, []);
        for (var k = 0; k < validators; k++)
        {
            var uid = validatorUids[k];
            stake[uid] = (ulong)random.NextInt64(1_000_000_000_000, 100_000_000_000_000);
            permits[uid] = true;
            var raw = new ushort[uids];
            for (var j = 0; j < uids; j++)
            {
                raw[j] = (ushort)random.Next(0, 65_536);
            }
            weightRows[k] = VectorMath.U16MaxUpscaleToU16(raw);
            rows[uid] = weightRows[k].Select((value, j) => ((ushort)j, value)).ToArray();
        }
        var input = new EpochInput(
            N: uids,
            CurrentBlock: CurrentBlock,
            Tempo: 360,
            ActivityCutoff: 5_000,
            Stake: stake,
            LastUpdate: Enumerable.Repeat(CurrentBlock - 10, uids).ToArray(),
            BlockAtRegistration: new ulong[uids],
            ValidatorPermitPrev: permits,
            Weights: rows,
            Bonds: Enumerable.Repeat<IReadOnlyList<(ushort, ushort)>>([], uids).ToArray(),
            Hyperparameters: YumaHyperparameters.Default with { MaxAllowedValidators = (ushort)validators },
            RaoEmission: 1_000_000_000);
        return new EpochBenchInput(input, validatorUids, weightRows);
    }

    /// <summary>Writes the input as yuma_numpy.py reads it (weights as the validators' dense rows) and returns the path.</summary>
    public string WriteJson(string folder, int warmup, int repetitions)
    {
        var h = Input.Hyperparameters;
        var json = new Dictionary<string, object>
        {
            ["n"] = Input.N,
            ["current_block"] = Input.CurrentBlock,
            ["tempo"] = Input.Tempo,
            ["activity_cutoff"] = Input.ActivityCutoff,
            ["last_mechanism_step_block"] = Input.LastMechanismStepBlock,
            ["rao_emission"] = Input.RaoEmission,
            ["stake"] = Input.Stake,
            ["last_update"] = Input.LastUpdate,
            ["block_at_registration"] = Input.BlockAtRegistration,
            ["validator_permit_prev"] = Input.ValidatorPermitPrev,
            ["weights"] = new { uids = ValidatorUids, rows = WeightRows },
            ["bonds"] = new { uids = Array.Empty<int>(), rows = Array.Empty<ushort[]>() },
            ["hyper"] = new
            {
                kappa = h.Kappa,
                bonds_penalty = h.BondsPenalty,
                bonds_moving_average = h.BondsMovingAverage,
                max_allowed_validators = h.MaxAllowedValidators,
                stake_threshold = h.StakeThreshold,
                yuma3 = h.Yuma3,
                liquid_alpha = h.LiquidAlpha,
            },
            ["warmup"] = warmup,
            ["repetitions"] = repetitions,
        };
        var path = Path.Combine(folder, $"epoch-{Input.N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(json));
        return path;
    }
}
