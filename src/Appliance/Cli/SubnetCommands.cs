using System.CommandLine;
using Appliance.ApiClient;
using Appliance.Primitives;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Subnets;

namespace Appliance.Cli;

/// <summary><c>appliance subnet create|list|show|hyperparameters</c>, <c>appliance register</c>, <c>appliance metagraph</c>.</summary>
public static class SubnetCommands
{
    public static Command Create(CliConsole console)
    {
        var subnet = new Command("subnet", "Create subnets and read or set their hyperparameters");
        subnet.Subcommands.Add(CreateCommand(console));
        subnet.Subcommands.Add(ListCommand(console));
        subnet.Subcommands.Add(ShowCommand(console));
        subnet.Subcommands.Add(HyperparametersCommand(console));
        return subnet;
    }

    public static Option<ushort> NetuidOption() => new("--netuid") { Description = "The subnet", Required = true };

    private static Command CreateCommand(CliConsole console)
    {
        var signed = new SignedCommand();
        var command = signed.Create("create", "Register a new subnet owned by the wallet's coldkey (locks the network lock cost); its hotkey becomes uid 0");
        command.SetAction(async (parse, cancellation) =>
        {
            var hotkey = signed.HotkeyAddress(parse);
            using var coldkey = signed.OpenColdkey(parse, console);
            return await signed.SubmitAsync(parse, console, coldkey, new RegisterNetwork(hotkey), cancellation);
        });
        return command;
    }

    private static Command ListCommand(CliConsole console)
    {
        var (node, json) = (NodeOption.Create(), Output.JsonOption());
        var command = new Command("list", "The subnets") { node, json };
        command.SetAction(async (parse, cancellation) =>
        {
            using var client = new NodeClient(parse.GetValue(node)!);
            var subnets = await client.SubnetsAsync(cancellation);
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, subnets);
                return 0;
            }
            Output.WriteTable(console, ["NETUID", "N", "MAX", "TEMPO", "BURN", "OWNER"], subnets.Select(s => (IReadOnlyList<string>)
            [
                s.Netuid.ToString(), s.N.ToString(), s.MaxUids.ToString(), s.Tempo.ToString(), new Rao(s.Burn).ToString(), s.Owner,
            ]));
            return 0;
        });
        return command;
    }

    private static Command ShowCommand(CliConsole console)
    {
        var (node, netuid) = (NodeOption.Create(), NetuidOption());
        var command = new Command("show", "One subnet, as JSON") { netuid, node };
        command.SetAction(async (parse, cancellation) =>
        {
            using var client = new NodeClient(parse.GetValue(node)!);
            Output.WriteJson(console, await client.SubnetAsync(new NetUid(parse.GetValue(netuid)), cancellation));
            return 0;
        });
        return command;
    }

    private static Command HyperparametersCommand(CliConsole console)
    {
        var signed = new SignedCommand();
        var netuid = NetuidOption();
        var set = new Option<string?>("--set") { Description = "NAME=VALUE to set (the owner's coldkey signs)", HelpName = "NAME=VALUE" };
        var command = signed.Create("hyperparameters", "Show a subnet's hyperparameters, or set one as its owner", netuid, set);
        signed.Wallet.Required = false;
        command.SetAction(async (parse, cancellation) =>
        {
            var id = new NetUid(parse.GetValue(netuid));
            if (parse.GetValue(set) is not { } assignment)
            {
                using var client = signed.Client(parse);
                var values = await client.HyperparametersAsync(id, cancellation);
                if (parse.GetValue(signed.Json))
                {
                    Output.WriteJson(console, values);
                    return 0;
                }
                Output.WriteTable(console, ["NAME", "VALUE"], values.Select(p => (IReadOnlyList<string>)[p.Key, p.Value.ToString()]));
                return 0;
            }
            var (name, text) = assignment.IndexOf('=') is var eq and > 0 ? (assignment[..eq], assignment[(eq + 1)..]) : throw new CliError($"Usage: --set takes NAME=VALUE, got '{assignment}'.", 2);
            if (!Hyperparameters.ByName.TryGetValue(name, out var parameter))
            {
                throw new CliError($"UnknownHyperparameter: '{name}'; known: {string.Join(", ", Hyperparameters.All.Select(h => h.Name))}.", 2);
            }
            if (!parameter.TryParse(text, out var value))
            {
                throw new CliError($"InvalidValue: '{text}' is not a value for {name}.", 2);
            }
            if (parse.GetValue(signed.Wallet) is null)
            {
                throw new CliError("Usage: --set needs --wallet, the subnet owner's.", 2);
            }
            using var coldkey = signed.OpenColdkey(parse, console);
            return await signed.SubmitAsync(parse, console, coldkey, new SudoSetHyperparameter(id, name, value), cancellation);
        });
        return command;
    }

    public static Command RegisterCommand(CliConsole console)
    {
        var signed = new SignedCommand();
        var netuid = NetuidOption();
        var command = signed.Create("register", "Register the wallet's hotkey in a subnet, paying the burn with its coldkey", netuid);
        command.SetAction(async (parse, cancellation) =>
        {
            var hotkey = signed.HotkeyAddress(parse);
            using var coldkey = signed.OpenColdkey(parse, console);
            return await signed.SubmitAsync(parse, console, coldkey, new BurnedRegister(new NetUid(parse.GetValue(netuid)), hotkey), cancellation);
        });
        return command;
    }

    public static Command MetagraphCommand(CliConsole console)
    {
        var (node, json, netuid) = (NodeOption.Create(), Output.JsonOption(), NetuidOption());
        var command = new Command("metagraph", "Every uid of a subnet with its stake, consensus, incentive, dividends, emission and axon") { netuid, node, json };
        command.SetAction(async (parse, cancellation) =>
        {
            using var client = new NodeClient(parse.GetValue(node)!);
            var metagraph = await client.MetagraphAsync(new NetUid(parse.GetValue(netuid)), cancellation);
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, metagraph);
                return 0;
            }
            Output.WriteTable(console, ["UID", "STAKE", "VPERMIT", "CONSENSUS", "INCENTIVE", "DIVIDENDS", "EMISSION", "UPDATED", "AXON", "HOTKEY"],
                metagraph.Neurons.Select(n => (IReadOnlyList<string>)
                [
                    n.Uid.ToString(), new Rao(n.Stake).ToString(), n.ValidatorPermit ? "*" : "",
                    n.Consensus.ToString("0.0000"), n.Incentive.ToString("0.0000"), n.Dividends.ToString("0.0000"), n.Emission.ToString(), n.LastUpdate.ToString(),
                    n.Axon is null ? "" : $"{n.Axon.Ip}:{n.Axon.Port}", n.Hotkey,
                ]));
            return 0;
        });
        return command;
    }
}
