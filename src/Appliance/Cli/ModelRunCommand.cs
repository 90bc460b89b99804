using System.CommandLine;
using Appliance.Mining;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance model run --model FILE --prompt TEXT [--seed S] [--max-tokens N] [--temperature T] [--json]</c>:
/// one generation through our llama.cpp binding; with --json {text, tokens, tokens_per_second}.
/// </summary>
public static class ModelRunCommand
{
    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model") { Description = "GGUF model file", HelpName = "FILE", Required = true };
        var prompt = new Option<string>("--prompt") { Description = "Text to continue", Required = true };
        var seed = new Option<uint>("--seed") { Description = "Sampling seed; the same seed gives the same text", DefaultValueFactory = _ => 0 };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens to generate", DefaultValueFactory = _ => 64 };
        var temperature = new Option<float>("--temperature") { Description = "0 is greedy", DefaultValueFactory = _ => 0.8f };
        var gpuLayers = new Option<int?>("--gpu-layers") { Description = "Layers on the GPU (default: all when a GPU is found, else none)", HelpName = "N" };
        var threads = new Option<int?>("--threads") { Description = "CPU threads (default: all cores)", HelpName = "N" };
        var json = Output.JsonOption();
        var command = new Command("run", "Generate once from a prompt with llama.cpp") { model, prompt, seed, maxTokens, temperature, gpuLayers, threads, json };
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(maxTokens) < 1)
            {
                throw new CliError("Usage: --max-tokens must be at least 1.", 2);
            }
            using var loggers = LoggerFactory.Create(b => b.AddFilter("llama.cpp", LogLevel.Error).AddFilter("Appliance", LogLevel.Warning)
                .AddSimpleConsole(o => o.SingleLine = true));
            using var generator = MinerCommand.LoadGenerator(console, parse.GetValue(model)!, parse.GetValue(gpuLayers), parse.GetValue(threads), loggers);
            GenerationResult result;
            try
            {
                result = await generator.GenerateAsync(
                    new GenerationRequest(parse.GetValue(prompt)!, parse.GetValue(maxTokens), parse.GetValue(temperature), parse.GetValue(seed)), cancellation);
            }
            catch (ArgumentException e)
            {
                throw new CliError(e.Message);
            }
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, new { result.Text, Tokens = result.CompletionTokens, TokensPerSecond = Math.Round(result.TokensPerSecond, 2) });
                return 0;
            }
            console.Out.WriteLine(result.Text);
            console.Error.WriteLine($"{result.CompletionTokens} tokens in {result.Elapsed.TotalSeconds:F2} s ({result.TokensPerSecond:F1} tokens/s), {result.Finish}");
            return 0;
        });
        return command;
    }
}
