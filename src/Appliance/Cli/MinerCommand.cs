using System.CommandLine;
using System.Net;
using Appliance.ApiClient;
using Appliance.Axon;
using Appliance.Mining;
using Appliance.Mining.Llama;
using Appliance.Primitives;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance miner</c>: loads a GGUF with llama.cpp, serves it on an axon, announces the axon with
/// serve_axon (signed by the hotkey) and logs every request until Ctrl-C. On a machine of its own it listens
/// on --axon-ip and announces --external-ip, bittensor's axon.ip and axon.external_ip.
/// </summary>
public static class MinerCommand
{
    public static Command Create(CliConsole console)
    {
        var neuron = new NeuronOptions();
        var model = new Option<string>("--model") { Description = "GGUF model file", HelpName = "FILE", Required = true };
        var ip = AddressOptions.Ip("--axon-ip", "Address the axon listens on (0.0.0.0: every address of this machine)", IPAddress.Loopback, "--ip");
        var port = AddressOptions.Port("--port", "Axon port (0 picks a free one)", min: 0, defaultValue: 8091, "--axon-port");
        var externalIp = AddressOptions.Ip("--external-ip", "Address announced on chain, where validators reach the axon (default: --axon-ip)");
        var externalPort = AddressOptions.Port("--external-port", "Port announced on chain (default: the axon's port)", min: 1);
        var gpuLayers = new Option<int?>("--gpu-layers") { Description = "Layers on the GPU (default: all when a GPU is found, else none)", HelpName = "N" };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for llama.cpp (default: all cores)", HelpName = "N" };
        var temperature = new Option<float>("--temperature") { Description = "Sampling temperature of every answer", DefaultValueFactory = _ => 0.7f };
        var maxTokens = new Option<int>("--max-tokens") { Description = "Most tokens per answer", DefaultValueFactory = _ => 64 };
        var command = neuron.Command("miner", "Serve a GGUF model to the subnet's validators through an axon",
            model, ip, port, externalIp, externalPort, gpuLayers, threads, temperature, maxTokens);
        command.SetAction(async (parse, cancellation) =>
        {
            var announced = parse.GetValue(externalIp) ?? parse.GetValue(ip)!;
            if (AxonOptions.IsEveryAddress(announced))
            {
                throw new CliError($"Usage: {announced} cannot be announced: give --external-ip, the address validators reach this machine at.", 2);
            }
            using var loggers = NeuronOptions.ConsoleLoggers();
            using var key = neuron.OpenHotkey(parse);
            using var generator = LoadGenerator(console, parse.GetValue(model)!, parse.GetValue(gpuLayers), parse.GetValue(threads), loggers);
            using var client = new NodeClient(parse.GetValue(neuron.Node)!);
            var options = new AxonOptions
            {
                Ip = parse.GetValue(ip)!.ToString(),
                Port = parse.GetValue(port)!.Value,
                ExternalIp = parse.GetValue(externalIp)?.ToString(),
                ExternalPort = parse.GetValue(externalPort),
                Netuid = new NetUid(parse.GetValue(neuron.Netuid)),
                Hotkey = key,
            };
            var persona = new MinerGenerator(generator, parse.GetValue(temperature), parse.GetValue(maxTokens));
            await using var miner = await Miner.StartAsync("miner", options, persona,
                client, new NodeValidatorPermits(client, loggers.CreateLogger<NodeValidatorPermits>()), loggers, cancellation);
            console.Out.WriteLine($"miner {miner.Hotkey} serving {generator.ModelName} at {miner.Url} (announced as {miner.Announced}) on subnet {options.Netuid}, llama.cpp backend {LlamaBackendInfo.Current.Describe()}; Ctrl-C stops it");
            using var signals = new StopSignals(cancellation);
            try
            {
                await Task.Delay(Timeout.Infinite, signals.Token);
            }
            catch (OperationCanceledException)
            {
            }
            await miner.StopAsync();
            console.Out.WriteLine($"miner stopped after {persona.Requests} requests, {persona.Tokens} tokens");
            return 0;
        });
        return command;
    }

    /// <summary>Loads the model for a command, with a progress bar on a terminal (llama.cpp reports how far it is).</summary>
    internal static LlamaTextGenerator LoadGenerator(CliConsole console, string path, int? gpuLayers, int? threads, ILoggerFactory loggers)
    {
        try
        {
            return TerminalProgress.Run(console, $"loading {Path.GetFileName(path)}", progress => LlamaTextGenerator.Load(
                path, gpuLayers, new LlamaGeneratorOptions { Threads = threads ?? Environment.ProcessorCount }, loggers,
                new FractionProgress(fraction => progress.Report(((ulong)(fraction * 1000), 1000)))));
        }
        catch (LlamaException e)
        {
            throw new CliError(e.Message);
        }
    }
}

/// <summary>Hands a fraction on as it comes, on the reporting thread (llama.cpp's loader calls back on its own).</summary>
internal sealed class FractionProgress(Action<float> report) : IProgress<float>
{
    public void Report(float value) => report(value);
}
