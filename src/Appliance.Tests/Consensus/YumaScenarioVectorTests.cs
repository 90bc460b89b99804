using System.Text.Json;
using Appliance.Consensus;
using Appliance.Tests.Support;

namespace Appliance.Tests.Consensus;

/// <summary>
/// Every epoch scenario in Vectors/ replayed through <see cref="YumaScenario"/>: each step's source assertions
/// (<c>expected</c>), and the independent model's full outputs (<c>model_outputs</c>) bit for bit, which
/// locate the first divergent value when an assertion fails.
/// </summary>
public sealed class YumaScenarioVectorTests
{
    private static readonly string[] NotScenarios = ["math.json", "registration.json"];

    public static IEnumerable<object[]> Steps() =>
        Directory.GetFiles(YumaVectors.Folder, "*.json").Select(Path.GetFileName).OfType<string>()
            .Where(f => !NotScenarios.Contains(f)).Order(StringComparer.Ordinal)
            .SelectMany(f => Enumerable.Range(0, YumaVectors.Load(f).GetProperty("steps").GetArrayLength()).Select(k => new object[] { f, k }));

    [Fact]
    public void YumaScenario_Replay_SerialisesOneSnakeCaseObjectPerEpoch()
    {
        var steps = YumaScenario.Replay(YumaVectors.Load("classic_bonds_ema.json"));
        var json = JsonDocument.Parse(JsonSerializer.Serialize(steps)).RootElement;

        Assert.Equal(9, json.GetArrayLength());
        Assert.Equal(
            ["label", "incentive_u16", "dividends_u16", "consensus_u16", "validator_trust_u16", "emission_rao", "server_emission_rao",
                "validator_emission_rao", "validator_permit", "rank_u16", "trust_u16", "bonds_u16"],
            json[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal("[0,4,16383]", json[1].GetProperty("bonds_u16")[0].GetRawText());
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void YumaScenario_VectorStep_MatchesSourceAssertions(string file, int step)
    {
        var (expected, model, actual) = Replay(file, step);
        var failures = new List<string>();
        foreach (var check in expected.EnumerateObject())
        {
            failures.AddRange(CheckExpected(check.Name, check.Value, actual));
        }
        Assert.True(failures.Count == 0, $"{file} step {step}: {string.Join("; ", failures)}{Localise(model, actual)}");
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void YumaScenario_VectorStep_MatchesIndependentModel(string file, int step)
    {
        var (_, model, actual) = Replay(file, step);
        if (model is { } outputs)
        {
            var stored = AsStoredAfterReplacements(actual, ReplacedBeforeNextEpoch(YumaVectors.Load(file), step));
            Assert.True(FirstModelDivergence(outputs, stored) is null, $"{file} step {step}:{Localise(model, stored)}");
        }
    }

    /// <summary>The uids a replace_neuron action re-registers between epoch <paramref name="step"/> and the next.</summary>
    private static List<int> ReplacedBeforeNextEpoch(JsonElement scenario, int step)
    {
        var (epochs, replaced) = (0, new List<int>());
        foreach (var action in scenario.GetProperty("actions").EnumerateArray())
        {
            var op = action.GetProperty("op").GetString();
            if (op == "epoch")
            {
                epochs++;
            }
            else if (op == "replace_neuron" && epochs == step + 1)
            {
                replaced.Add(action.GetProperty("uid").GetInt32());
            }
        }
        return replaced;
    }

    /// <summary>
    /// The model records Emission and ValidatorPermit as chain state, which a re-registration right after
    /// the epoch clears (spec §9.2); its snapshot of that epoch shows them cleared for the replaced uid.
    /// </summary>
    private static EpochOutput AsStoredAfterReplacements(EpochOutput output, List<int> replaced)
    {
        var (emission, permit) = ((ulong[])output.Emission.Clone(), (bool[])output.ValidatorPermit.Clone());
        foreach (var uid in replaced)
        {
            (emission[uid], permit[uid]) = (0, false);
        }
        return output with { Emission = emission, ValidatorPermit = permit };
    }

    private static (JsonElement Expected, JsonElement? Model, EpochOutput Actual) Replay(string file, int step)
    {
        var scenario = YumaVectors.Load(file);
        var record = scenario.GetProperty("steps")[step];
        var epochs = YumaScenario.Epochs(scenario);
        Assert.Equal(scenario.GetProperty("steps").GetArrayLength(), epochs.Count);
        Assert.Equal(record.GetProperty("label").GetString(), epochs[step].Label);
        return (record.GetProperty("expected"), record.TryGetProperty("model_outputs", out var m) ? m : null, epochs[step].Output);
    }

    private static IEnumerable<string> CheckExpected(string name, JsonElement value, EpochOutput actual)
    {
        switch (name)
        {
            case "bonds_u16":
                foreach (var cell in value.EnumerateArray())
                {
                    var (i, j, v) = (cell[0].GetInt32(), cell[1].GetInt32(), cell[2].GetInt32());
                    if (Bond(actual, i, j) != v)
                    {
                        yield return $"bond[{i}][{j}] = {Bond(actual, i, j)}, expected {v}";
                    }
                }
                break;
            case "approx":
                var tolerance = value.GetProperty("abs_tol").GetDouble();
                if (value.TryGetProperty("dividends", out var dividends))
                {
                    foreach (var (d, uid) in dividends.EnumerateArray().Select((d, uid) => (d.GetDouble(), uid)))
                    {
                        if (Math.Abs(actual.Dividends[uid] / 65535.0 - d) > tolerance)
                        {
                            yield return $"dividend[{uid}] = {actual.Dividends[uid] / 65535.0:F4}, expected {d} ± {tolerance}";
                        }
                    }
                }
                if (value.TryGetProperty("bonds", out var bonds))
                {
                    foreach (var cell in bonds.EnumerateArray())
                    {
                        var (i, j, b) = (cell[0].GetInt32(), cell[1].GetInt32(), cell[2].GetDouble());
                        if (Math.Abs(Bond(actual, i, j) / 65535.0 - b) > tolerance)
                        {
                            yield return $"bond[{i}][{j}] = {Bond(actual, i, j) / 65535.0:F4}, expected {b} ± {tolerance}";
                        }
                    }
                }
                break;
            case "sum_server_plus_validator_emission_rao":
                var paid = actual.ServerEmission.Aggregate(0UL, (a, b) => a + b) + actual.ValidatorEmission.Aggregate(0UL, (a, b) => a + b);
                var target = value.GetProperty("value").GetUInt64();
                if (Math.Abs((double)paid - target) > value.GetProperty("abs_tol").GetDouble())
                {
                    yield return $"server + validator emission = {paid}, expected {target} ± {value.GetProperty("abs_tol")}";
                }
                break;
            case "server_emission_equal_and_positive":
                var (x, y) = (value[0].GetInt32(), value[1].GetInt32());
                if (actual.ServerEmission[x] != actual.ServerEmission[y] || actual.ServerEmission[x] == 0)
                {
                    yield return $"server emission of uids {x} and {y} = {actual.ServerEmission[x]}, {actual.ServerEmission[y]}; expected equal and positive";
                }
                break;
            default:
                foreach (var uid in value.EnumerateObject())
                {
                    var (got, want) = (Field(name, actual)[int.Parse(uid.Name)], uid.Value.ToString().ToLowerInvariant());
                    if (got != want)
                    {
                        yield return $"{name}[{uid.Name}] = {got}, expected {want}";
                    }
                }
                break;
        }
    }

    private static string[] Field(string name, EpochOutput o) => name switch
    {
        "dividends_u16" => Strings(o.Dividends),
        "incentive_u16" => Strings(o.Incentive),
        "consensus_u16" => Strings(o.Consensus),
        "validator_trust_u16" => Strings(o.ValidatorTrust),
        "stake_weight_u16" => Strings(o.StakeWeight),
        "emission_rao" => Strings(o.Emission),
        "server_emission_rao" => Strings(o.ServerEmission),
        "validator_emission_rao" => Strings(o.ValidatorEmission),
        "validator_permit" => Strings(o.ValidatorPermit),
        "active" => Strings(o.Active),
        "rank_u16_legacy" => Strings(o.Rank),
        "trust_u16_legacy" => Strings(o.Trust),
        _ => throw new InvalidDataException($"unknown expected field '{name}'"),
    };

    private static string[] Strings<T>(T[] values) => [.. values.Select(v => v!.ToString()!.ToLowerInvariant())];

    private static int Bond(EpochOutput output, int i, int j) =>
        output.Bonds[i].Where(e => e.Uid == j).Select(e => (int)e.Value).DefaultIfEmpty(0).First();

    /// <summary>The first model_outputs value (in epoch order) the replay differs from, or null.</summary>
    private static string? FirstModelDivergence(JsonElement model, EpochOutput actual)
    {
        string[] order = ["active", "stake_weight_u16", "validator_permit", "consensus_u16", "validator_trust_u16", "incentive_u16",
            "rank_u16_legacy", "trust_u16_legacy", "dividends_u16", "bonds_u16", "server_emission_rao", "validator_emission_rao", "emission_rao"];
        foreach (var name in order.Where(n => model.TryGetProperty(n, out _)))
        {
            if (name == "bonds_u16")
            {
                var rows = model.GetProperty(name).EnumerateArray().Select(r => string.Join(",", r.EnumerateArray().Select(c => $"{c[0]}:{c[1]}"))).ToList();
                var mine = actual.Bonds.Select(r => string.Join(",", r.Select(e => $"{e.Uid}:{e.Value}"))).ToList();
                var row = Enumerable.Range(0, Math.Max(rows.Count, mine.Count)).FirstOrDefault(i => rows.ElementAtOrDefault(i) != mine.ElementAtOrDefault(i), -1);
                if (row >= 0)
                {
                    return $"bonds_u16 row {row} = [{mine.ElementAtOrDefault(row)}], model [{rows.ElementAtOrDefault(row)}]";
                }
                continue;
            }
            var want = model.GetProperty(name).EnumerateArray().Select(e => e.ToString().ToLowerInvariant()).ToList();
            var got = Field(name, actual);
            var uid = Enumerable.Range(0, Math.Max(want.Count, got.Length)).FirstOrDefault(u => want.ElementAtOrDefault(u) != got.ElementAtOrDefault(u), -1);
            if (uid >= 0)
            {
                return $"{name}[{uid}] = {got.ElementAtOrDefault(uid)}, model {want.ElementAtOrDefault(uid)}";
            }
        }
        return null;
    }

    private static string Localise(JsonElement? model, EpochOutput actual) =>
        model is { } m && FirstModelDivergence(m, actual) is { } divergence ? $" (first divergence from model_outputs: {divergence})" : "";
}
