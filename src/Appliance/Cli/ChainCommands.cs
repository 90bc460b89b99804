using System.CommandLine;
using Appliance.ApiClient;
using Appliance.Node;
using Appliance.Primitives;

namespace Appliance.Cli;

/// <summary><c>appliance chain head|block|verify</c>.</summary>
public static class ChainCommands
{
    public static Command Create(CliConsole console)
    {
        var chain = new Command("chain", "Read and verify the chain");
        chain.Subcommands.Add(HeadCommand(console));
        chain.Subcommands.Add(BlockCommand(console));
        chain.Subcommands.Add(VerifyCommand(console));
        return chain;
    }

    private static Command HeadCommand(CliConsole console)
    {
        var (node, json) = (NodeOption.Create(), Output.JsonOption());
        var command = new Command("head", "The newest block") { node, json };
        command.SetAction(async (parse, cancellation) =>
        {
            using var client = new NodeClient(parse.GetValue(node)!);
            var head = await client.HeadAsync(cancellation);
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, head);
            }
            else
            {
                console.Out.WriteLine($"#{head.Number} {head.Hash} at {DateTimeOffset.FromUnixTimeMilliseconds((long)head.Timestamp):u} (genesis {head.GenesisHash})");
            }
            return 0;
        });
        return command;
    }

    private static Command BlockCommand(CliConsole console)
    {
        var (node, json) = (NodeOption.Create(), Output.JsonOption());
        var id = new Argument<string>("block") { Description = "Block number or 0x hash" };
        var command = new Command("block", "A block with its extrinsics and events") { id, node, json };
        command.SetAction(async (parse, cancellation) =>
        {
            using var client = new NodeClient(parse.GetValue(node)!);
            var block = await client.BlockAsync(parse.GetValue(id)!, cancellation);
            if (parse.GetValue(json))
            {
                Output.WriteJson(console, block);
                return 0;
            }
            console.Out.WriteLine($"#{block.Number} {block.Hash}");
            console.Out.WriteLine($"  parent {block.ParentHash}  state root {block.StateRoot}");
            console.Out.WriteLine($"  sealed by {block.Author} at {DateTimeOffset.FromUnixTimeMilliseconds((long)block.Timestamp):u}");
            foreach (var x in block.Extrinsics)
            {
                console.Out.WriteLine($"  extrinsic {x.Index} {x.Call.Module}.{x.Call.Name} by {x.Signer} fee {new Rao(x.Fee)}: {(x.Success ? "success" : x.Error)}");
            }
            foreach (var e in block.Events)
            {
                console.Out.WriteLine($"  event {e.Module}.{e.Name} {e.Fields?.ToJsonString()}");
            }
            return 0;
        });
        return command;
    }

    private static Command VerifyCommand(CliConsole console)
    {
        var data = new Option<string>("--data") { Description = "Folder of the chain database to verify", HelpName = "DIR", Required = true };
        var command = new Command("verify", "Replay every block from genesis and check every hash, signature and root") { data };
        command.SetAction(parse =>
        {
            var result = TerminalProgress.Run(console, "replaying blocks", progress => ChainVerifier.Verify(parse.GetValue(data)!, progress));
            if (!result.Valid)
            {
                console.Error.WriteLine(result.NoChainThere ? $"error: {result.Problem}" : $"error: block #{result.Height} is bad: {result.Problem}");
                return 1;
            }
            console.Out.WriteLine($"verified {result.Height} blocks: the chain is valid up to #{result.Height} {result.HeadHash}");
            return 0;
        });
        return command;
    }
}
