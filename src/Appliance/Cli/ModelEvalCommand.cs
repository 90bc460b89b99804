using System.CommandLine;
using Appliance.Mining;
using Appliance.Validation.Evaluation;
using Appliance.Validation;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance model eval --model FILE [--count N] [--seed S] [--temperature T] [--max-tokens N] [--json]</c>: asks
/// the model N validator tasks through the miner's generator (llama.cpp, the miner's temperature and answer
/// limit) and prints exact-match and mean score overall and per task kind. The defaults are those of up's
/// trained miner: greedy, 32 tokens (the validator's limit).
/// </summary>
public static class ModelEvalCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "GGUF model file", HelpName = "FILE", Required = true };
        var count = new Option<int>("--count") { Description = "Tasks to ask", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the task generator (training uses 1 unless told otherwise)", DefaultValueFactory = _ => 1000 };
        var temperature = new Option<float>("--temperature") { Description = "The miner's temperature; 0 is greedy", DefaultValueFactory = _ => 0 };
        var maxTokens = new Option<int>("--max-tokens") { Description = "The miner's answer limit", DefaultValueFactory = _ => 32 };
        var threads = new Option<int?>("--threads") { Description = "CPU threads (default: all cores)", HelpName = "N" };
        var json = Output.JsonOption();
        var command = new Command("eval", "Score a model on the validator's tasks through the miner's generator")
        {
            model, count, seed, temperature, maxTokens, threads, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(count) < 1 || parse.GetValue(maxTokens) < 1 || parse.GetValue(temperature) is < 0 or > 2)
            {
                throw new CliError("Usage: --count and --max-tokens must be at least 1, --temperature 0 to 2.", 2);
            }
            using var loggers = LoggerFactory.Create(b => b.AddFilter("llama.cpp", LogLevel.Error).AddFilter("Appliance", LogLevel.Warning)
                .AddSimpleConsole(o => o.SingleLine = true));
            using var generator = MinerCommand.LoadGenerator(console, parse.GetValue(model)!, null, parse.GetValue(threads), loggers);
            var miner = new MinerGenerator(generator, parse.GetValue(temperature), parse.GetValue(maxTokens));
            var (report, _) = await TaskEvaluation.RunAsync(miner, parse.GetValue(count), parse.GetValue(seed), ValidatorSettings.AnswerTokens, cancellation);
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, report);
                return 0;
            }
            console.Out.WriteLine($"{report.Model}: {report.Count} tasks (seed {report.Seed}), exact {report.Overall.Exact:P1}, mean score {report.Overall.Score:0.000}");
            Output.WriteTable(console, ["KIND", "TASKS", "EXACT", "SCORE"], report.ByKind.Select(kv => (IReadOnlyList<string>)
                [kv.Key, kv.Value.Count.ToString(), kv.Value.Exact.ToString("P1"), kv.Value.Score.ToString("0.000")]));
            return 0;
        });
        return command;
    }
}
