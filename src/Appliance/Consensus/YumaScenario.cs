using System.Text.Json;

namespace Appliance.Consensus;

/// <summary>
/// Replays a Yuma scenario file (../shared/yuma/README.md, "Epoch scenario schema"; examples in
/// src/Appliance.Tests/Vectors): the initial state, then the actions in order, each <c>epoch</c> running
/// <see cref="YumaEpoch.Run"/> with 1 TAO (unless the action names rao_emission) and carrying its permits
/// and bonds into the state.
/// </summary>
public static class YumaScenario
{
    public const ulong DefaultRaoEmission = 1_000_000_000;

    public static IReadOnlyList<YumaScenarioStep> ReplayFile(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return Replay(document.RootElement);
    }

    public static IReadOnlyList<YumaScenarioStep> Replay(JsonElement scenario) =>
        [.. Epochs(scenario).Select(e => YumaScenarioStep.From(e.Label, e.Output))];

    /// <summary>Each epoch's label with the full <see cref="EpochOutput"/> (stake weight and activity included).</summary>
    public static IReadOnlyList<(string Label, EpochOutput Output)> Epochs(JsonElement scenario)
    {
        var state = new ScenarioState(scenario.GetProperty("initial_state"));
        foreach (var hyperparameter in scenario.GetProperty("hyperparams").EnumerateObject())
        {
            state.SetHyperparameter(hyperparameter.Name, hyperparameter.Value);
        }
        var epochs = new List<(string, EpochOutput)>();
        foreach (var action in scenario.GetProperty("actions").EnumerateArray())
        {
            var op = action.GetProperty("op").GetString();
            switch (op)
            {
                case "set_block":
                    state.CurrentBlock = action.GetProperty("block").GetUInt64();
                    break;
                case "set_weights":
                    var uid = action.GetProperty("uid").GetInt32();
                    var values = VectorMath.U16MaxUpscaleToU16(U16s(action.GetProperty("values")));
                    state.Weights[uid] = [.. U16s(action.GetProperty("uids")).Zip(values)];
                    state.LastUpdate[uid] = state.CurrentBlock;
                    break;
                case "insert_weights_raw":
                    state.Weights[action.GetProperty("uid").GetInt32()] = Row(action.GetProperty("row"));
                    break;
                case "set_last_update":
                    state.LastUpdate = [.. action.GetProperty("last_update").EnumerateArray().Select(e => e.GetUInt64())];
                    break;
                case "set_validator_permit":
                    state.ValidatorPermit = [.. action.GetProperty("validator_permit").EnumerateArray().Select(e => e.GetBoolean())];
                    break;
                case "add_stake":
                    state.Stake[action.GetProperty("uid").GetInt32()] += action.GetProperty("amount").GetUInt64();
                    break;
                case "replace_neuron":
                    state.ReplaceNeuron(action.GetProperty("uid").GetInt32(), action.GetProperty("block").GetUInt64(), action.GetProperty("new_stake").GetUInt64());
                    break;
                case "remove_bond_column":
                    var column = action.GetProperty("uid").GetUInt16();
                    state.Bonds = [.. state.Bonds.Select(row => row.Where(e => e.Uid != column).ToArray())];
                    break;
                case "set_hyperparam":
                    state.SetHyperparameter(action.GetProperty("name").GetString()!, action.GetProperty("value"));
                    break;
                case "epoch":
                    var rao = action.TryGetProperty("rao_emission", out var r) ? r.GetUInt64() : DefaultRaoEmission;
                    var output = YumaEpoch.Run(state.ToEpochInput(rao));
                    state.ValidatorPermit = [.. output.ValidatorPermit];
                    state.Bonds = [.. output.Bonds];
                    epochs.Add((action.GetProperty("label").GetString() ?? "", output));
                    break;
                default:
                    throw new InvalidDataException($"UnknownScenarioAction: the scenario asks for '{op}'. Expected one of set_block, set_weights, insert_weights_raw, set_last_update, set_validator_permit, add_stake, replace_neuron, remove_bond_column, set_hyperparam, epoch.");
            }
        }
        return epochs;
    }

    internal static ushort[] U16s(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetUInt16())];

    internal static (ushort Uid, ushort Value)[] Row(JsonElement row) =>
        [.. row.EnumerateArray().Select(pair => (pair[0].GetUInt16(), pair[1].GetUInt16()))];
}
