using System.CommandLine;
using Appliance.ApiClient;
using Appliance.Contracts;
using Appliance.Primitives;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Subnets;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance subnet create|start|list|show|hyperparameters|register|metagraph</c> (<c>subnets</c> too, as
/// btcli spells it), and <c>appliance register</c>, <c>appliance metagraph</c> at the top as before.
/// </summary>
public static class SubnetCommands
{
    public static Command Create(CliConsole console)
    {
        var subnet = new Command("subnet", "Create subnets, read or set their hyperparameters, register, read the metagraph");
        subnet.Aliases.Add("subnets");
        subnet.Subcommands.Add(CreateCommand(console));
        subnet.Subcommands.Add(StartCommand(console));
        subnet.Subcommands.Add(ListCommand(console));
        subnet.Subcommands.Add(ShowCommand(console));
        subnet.Subcommands.Add(HyperparametersCommand(console));
        subnet.Subcommands.Add(RegisterCommand(console));
        subnet.Subcommands.Add(MetagraphCommand(console));
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
            return await signed.SubmitAsync(parse, console, signed.ColdkeyAddress(parse), () => signed.OpenColdkey(parse, console), new RegisterNetwork(hotkey),
                $"Do you want to create a subnet owned by this coldkey, with hotkey {hotkey} as uid 0 (locks the network lock cost)?", null, cancellation,
                ExtrinsicOutcome.NetworkAdded);
        });
        return command;
    }

    /// <summary>btcli's <c>subnet start</c>: start_call by the owner's coldkey, after which a dynamic subnet emits and takes stake.</summary>
    private static Command StartCommand(CliConsole console)
    {
        var signed = new SignedCommand();
        var netuid = NetuidOption();
        var command = signed.Create("start", "Start a subnet you own (start_call): from the next block it emits and takes stake", netuid);
        command.SetAction(async (parse, cancellation) =>
        {
            var (id, coldkey) = (new NetUid(parse.GetValue(netuid)), signed.ColdkeyAddress(parse));
            using var client = signed.Client(parse);
            var subnet = await client.SubnetAsync(id, cancellation);
            return await signed.SubmitAsync(parse, console, coldkey, () => signed.OpenColdkey(parse, console), new StartCall(id),
                $"Do you want to start subnet {id}, so that it emits and takes stake from the next block?",
                (_, _) => subnet.Owner != coldkey.Address ? SubtensorErrors.NotSubnetOwner(id, AccountId.Parse(subnet.Owner)).ToString()
                    : subnet.Pool is { FirstEmissionBlock: { } first } ? SubtensorErrors.FirstEmissionBlockNumberAlreadySet(id, first).ToString()
                    : null,
                cancellation, ExtrinsicOutcome.SubnetStarted);
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
            Output.WriteTable(console, ListTable(subnets));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// btcli's subnet list: price (τ/α), the pool's TAO and alpha, and the emission share (by moving price on a
    /// dynamic chain); a classic chain's subnets have no pool, so their columns are the classic ones.
    /// </summary>
    private static CliTable ListTable(IReadOnlyList<SubnetView> subnets)
    {
        var dynamic = subnets.Any(s => s.Pool is not null);
        CliColumn[] pool = dynamic
            ? [CliColumn.Number($"PRICE ({Output.PerAlpha})"), CliColumn.Number($"POOL ({Output.Tau})"), CliColumn.Number($"POOL ({Output.Alpha})"), new CliColumn("STARTED")]
            : [];
        var table = new CliTable(
            [CliColumn.Number("NETUID"), CliColumn.Number("N"), CliColumn.Number("MAX N"), CliColumn.Number("TEMPO"), .. pool, CliColumn.Number("EMISSION"),
            CliColumn.Number($"BURN ({Output.Tau})"), CliColumn.Number($"LOCK ({Output.Tau})"), CliColumn.Number("NEXT EPOCH"), CliColumn.Addresses("OWNER")])
        {
            Title = "Subnets",
            Caption = dynamic ? "PRICE is the pool's TAO over its alpha; EMISSION is the subnet's share of each block's TAO, by moving price; STARTED: start_call made." : null,
        };
        return table.AddRange(subnets.Select(s => (IReadOnlyList<string>)
        [
            s.Netuid.ToString(), s.N.ToString(), s.MaxUids.ToString(), s.Tempo.ToString(),
            .. dynamic ? PoolCells(s.Pool) : [],
            Output.Percent((double)s.EmissionShare), Output.Tao(s.Burn), Output.Tao(s.Lock), $"#{s.NextEpochBlock}", s.Owner,
        ]));
    }

    private static string[] PoolCells(PoolView? pool) => pool is null
        ? ["-", "-", "-", "-"]
        : [Output.Tao(pool.Price), Output.Tao(pool.TaoIn), Output.Tao(pool.AlphaIn), pool.Started ? $"#{pool.FirstEmissionBlock}" : "no"];

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
                var table = new CliTable(new CliColumn("HYPERPARAMETER"), CliColumn.Number("VALUE"), CliColumn.Number("NORMALIZED"), new CliColumn("BTCLI NAME"))
                {
                    Title = $"Subnet {id} hyperparameters",
                    Caption = $"VALUE is what --set takes (min_burn, max_burn and stake_threshold in rao); NORMALIZED reads it in {Output.Tau} or as a fraction.",
                };
                Output.WriteTable(console, table.AddRange(values.Select(p => (IReadOnlyList<string>)
                [
                    p.Key, p.Value.ToString(), BtcliHyperparameters.Normalized(p.Key, p.Value), BtcliHyperparameters.BtcliName(p.Key),
                ])));
                return 0;
            }
            var (name, text) = assignment.IndexOf('=') is var eq and > 0 ? (assignment[..eq], assignment[(eq + 1)..]) : throw new CliError($"Usage: --set takes NAME=VALUE, got '{assignment}'.", 2);
            if (BtcliHyperparameters.Find(name) is not { } parameter)
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
            return await signed.SubmitAsync(parse, console, signed.ColdkeyAddress(parse), () => signed.OpenColdkey(parse, console), new SudoSetHyperparameter(id, parameter.Name, value),
                $"Do you want to set {parameter.Name} of subnet {id} to {value}?", null, cancellation);
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
            var id = new NetUid(parse.GetValue(netuid));
            return await signed.SubmitAsync(parse, console, signed.ColdkeyAddress(parse), () => signed.OpenColdkey(parse, console), new BurnedRegister(id, hotkey),
                $"Do you want to register hotkey {hotkey} on subnet {id}, burning the registration cost?", null, cancellation, ExtrinsicOutcome.NeuronRegistered);
        });
        return command;
    }

    public static Command MetagraphCommand(CliConsole console)
    {
        var (node, json, netuid) = (NodeOption.Create(), Output.JsonOption(), NetuidOption());
        var command = new Command("metagraph", "Every uid of a subnet with its stake, rank, trust, consensus, incentive, dividends, emission, axon and keys") { netuid, node, json };
        command.SetAction(async (parse, cancellation) =>
        {
            using var client = new NodeClient(parse.GetValue(node)!);
            var id = new NetUid(parse.GetValue(netuid));
            var metagraph = await client.MetagraphAsync(id, cancellation);
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, metagraph);
                return 0;
            }
            Output.WriteTable(console, MetagraphTable(metagraph, (await client.SubnetAsync(id, cancellation)).Pool));
            return 0;
        });
        return command;
    }

    /// <summary>
    /// btcli's metagraph columns; UPDATED counts blocks since the uid last set weights. On a dynamic subnet stake
    /// and emission are its alpha, and the title names the price.
    /// </summary>
    private static CliTable MetagraphTable(MetagraphView metagraph, PoolView? pool)
    {
        var unit = pool is null ? Output.Tau : Output.Alpha;
        var table = new CliTable(
            CliColumn.Number("UID"), CliColumn.Number($"STAKE ({unit})"), CliColumn.Number("RANK"), CliColumn.Number("TRUST"),
            CliColumn.Number("CONSENSUS"), CliColumn.Number("INCENTIVE"), CliColumn.Number("DIVIDENDS"), CliColumn.Number($"EMISSION ({unit})"),
            CliColumn.Number("VTRUST"), new CliColumn("VAL"), CliColumn.Number("UPDATED"), new CliColumn("ACTIVE"), new CliColumn("AXON"),
            CliColumn.Addresses("HOTKEY"), CliColumn.Addresses("COLDKEY"))
        {
            Title = $"Metagraph of subnet {metagraph.Netuid} at block #{metagraph.Block}: {metagraph.Neurons.Count} uids"
                + (pool is null ? "" : $", price {Output.Tao(pool.Price)} {Output.PerAlpha}"),
        };
        table.AddRange(metagraph.Neurons.Select(n => (IReadOnlyList<string>)
        [
            n.Uid.ToString(), Output.Tao(n.Stake), Output.Ratio(n.Rank), Output.Ratio(n.Trust), Output.Ratio(n.Consensus), Output.Ratio(n.Incentive),
            Output.Ratio(n.Dividends), Output.Tao(n.Emission), Output.Ratio(n.ValidatorTrust), n.ValidatorPermit ? "*" : "",
            (metagraph.Block - Math.Min(metagraph.Block, n.LastUpdate)).ToString(), n.Active ? "*" : "", n.Axon is null ? "" : $"{n.Axon.Ip}:{n.Axon.Port}",
            n.Hotkey, n.Coldkey,
        ]));
        return table.WithTotal(
            "", Output.Tao(Output.Sum(metagraph.Neurons, n => n.Stake)), "", "", "", "", "", Output.Tao(Output.Sum(metagraph.Neurons, n => n.Emission)),
            "", "", "", "", "", "", "");
    }
}
