using System.CommandLine;
using Appliance.ApiClient;
using Appliance.Axon;
using Appliance.Primitives;
using Appliance.Validation;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance validator</c>: one validator on its own, querying the subnet's miners, scoring them and
/// setting (or committing and revealing) weights until Ctrl-C. Its moving averages and unrevealed commits
/// are kept beside the wallet, so a restart goes on where it stopped. The node is wherever --node says and
/// the miners wherever they announced; --source-ip picks the local address the requests leave from.
/// </summary>
public static class ValidatorCommand
{
    public static Command Create(CliConsole console)
    {
        var neuron = new NeuronOptions();
        var interval = new Option<double>("--query-interval") { Description = "Seconds between query rounds", DefaultValueFactory = _ => 12 };
        var timeout = new Option<double>("--timeout") { Description = "Seconds a miner has to answer", DefaultValueFactory = _ => 12 };
        var sample = new Option<int>("--sample-size") { Description = "Miners asked per round (0: all)", DefaultValueFactory = _ => 0 };
        var alpha = new Option<double>("--alpha") { Description = "Moving-average weight of a new score", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<int>("--seed") { Description = "Seed of the task generator", DefaultValueFactory = _ => 0 };
        var source = AddressOptions.Ip("--source-ip", "Local address the requests to miners and the node leave from (default: the system's choice)");
        var command = neuron.Command("validator", "Query miners, score them and set weights", interval, timeout, sample, alpha, seed, source);
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(interval) <= 0 || parse.GetValue(timeout) <= 0 || parse.GetValue(sample) < 0 || parse.GetValue(alpha) is <= 0 or > 1)
            {
                throw new CliError("Usage: --query-interval and --timeout must be above 0, --sample-size 0 or more, --alpha in (0, 1].", 2);
            }
            var from = parse.GetValue(source);
            if (from is not null && LocalAddressHandler.Problem(from) is { } unbound)
            {
                throw new CliError($"Usage: --source-ip {from} is not an address of this machine ({unbound}).", 2);
            }
            using var loggers = NeuronOptions.ConsoleLoggers();
            using var key = neuron.OpenHotkey(parse);
            using var client = new NodeClient(parse.GetValue(neuron.Node)!, from is null ? null : LocalAddressHandler.Create(from));
            using var http = new HttpClient(from is null ? new SocketsHttpHandler() : LocalAddressHandler.Create(from)) { Timeout = TimeSpan.FromMinutes(5) };
            var id = new NetUid(parse.GetValue(neuron.Netuid));
            var settings = new ValidatorSettings(id, TimeSpan.FromSeconds(parse.GetValue(interval)), TimeSpan.FromSeconds(parse.GetValue(timeout)),
                parse.GetValue(sample), parse.GetValue(alpha), parse.GetValue(seed));
            var walletPath = new WalletStore(parse.GetValue(neuron.WalletsDir)!).WalletPath(parse.GetValue(neuron.Wallet)!);
            var state = ValidatorState.Open(Path.Combine(walletPath, $"validator-{parse.GetValue(neuron.Hotkey)}-netuid{id.Value}.json"));
            var validator = new Validator(settings, key, client, new Dendrite(http, key), state, loggers.CreateLogger("Appliance.Validation"));
            var leaving = from is null ? "" : $" from {from}";
            console.Out.WriteLine($"validator {validator.Hotkey} on subnet {id} via {parse.GetValue(neuron.Node)}{leaving}; Ctrl-C stops it");
            using var signals = new StopSignals(cancellation);
            try
            {
                await validator.RunAsync(signals.Token);
            }
            catch (OperationCanceledException)
            {
            }
            return 0;
        });
        return command;
    }
}
