using System.CommandLine;
using System.Text.Json;
using Appliance.Consensus;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance yuma run --scenario FILE [--json]</c>: replays a Yuma scenario (../shared/yuma/README.md format,
/// as the scenarios in src/Appliance.Tests/Vectors) with the chain's own epoch code and prints each epoch's
/// results, one JSON object per line, or with --json all of them as one array. Useful for what-if questions
/// without a chain.
/// </summary>
public static class YumaCommands
{
    private static readonly JsonSerializerOptions Compact = new();

    public static Command Create(CliConsole console)
    {
        var yuma = new Command("yuma", "Run Yuma consensus on a scenario file");
        var scenario = new Option<string>("--scenario") { Description = "Scenario JSON: initial state, actions, epochs", HelpName = "FILE", Required = true };
        var json = Output.JsonOption();
        var run = new Command("run", "Replay the scenario and print every epoch's incentive, dividends, consensus, emission, permits and bonds") { scenario, json };
        run.SetAction(parse =>
        {
            var path = parse.GetValue(scenario)!;
            IReadOnlyList<YumaScenarioStep> steps;
            try
            {
                steps = YumaScenario.ReplayFile(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliError($"ScenarioUnreadable: {path}: {e.Message}");
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException or InvalidDataException)
            {
                throw new CliError($"InvalidScenario: {path} does not follow the scenario format ({e.Message.ReplaceLineEndings(" ")}).");
            }
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(steps, new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            foreach (var step in steps)
            {
                console.Out.WriteLine(JsonSerializer.Serialize(step, Compact));
            }
            return 0;
        });
        yuma.Subcommands.Add(run);
        return yuma;
    }
}
