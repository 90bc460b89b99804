using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.ApiClient;
using Appliance.Contracts;
using Appliance.Runtime.Subnets;

namespace Appliance.Cli;

/// <summary>
/// What an included call produced, read from its event in the block (as btcli prints "Registered on netuid 1
/// with UID 3"): <c>register</c> reports the uid it got, <c>subnet create</c> the new netuid, <c>stake add</c>
/// the alpha it bought. The event's <see cref="Fields"/> (those it has) join the status under --json, in rao.
/// </summary>
public sealed record ExtrinsicOutcome(string Event, IReadOnlyList<string> Fields, Func<JsonNode, string> Sentence)
{
    public static readonly ExtrinsicOutcome NeuronRegistered = new("NeuronRegistered", ["netuid", "uid"],
        e => $"registered {e["hotkey"]} on subnet {e["netuid"]} as uid {e["uid"]}");

    public static readonly ExtrinsicOutcome NetworkAdded = new("NetworkAdded", ["netuid"],
        e => $"created subnet {e["netuid"]}; its owner hotkey {e["hotkey"]} is uid 0");

    public static readonly ExtrinsicOutcome StakeAdded = new("StakeAdded", ["netuid", "tao", "alpha", "fee", "price", "amount"], e => e["alpha"] is null
        ? $"staked {Output.Amount(Rao(e, "amount"), Output.Tau)} on hotkey {e["hotkey"]} in subnet {e["netuid"]}"
        : $"staked {Output.Amount(Rao(e, "tao"), Output.Tau)} on hotkey {e["hotkey"]} in subnet {e["netuid"]}: received {Output.Amount(Rao(e, "alpha"), UnitOf(e, "netuid"))}"
            + $" (fee {Output.Amount(Rao(e, "fee"), Output.Tau)}); price now {Output.Tao(Rao(e, "price"))} {Output.PerAlpha}");

    public static readonly ExtrinsicOutcome StakeRemoved = new("StakeRemoved", ["netuid", "tao", "alpha", "fee", "price", "amount"], e => e["alpha"] is null
        ? $"unstaked {Output.Amount(Rao(e, "amount"), Output.Tau)} from hotkey {e["hotkey"]} in subnet {e["netuid"]}"
        : $"unstaked {Output.Amount(Rao(e, "alpha"), UnitOf(e, "netuid"))} from hotkey {e["hotkey"]} in subnet {e["netuid"]}: received {Output.Amount(Rao(e, "tao"), Output.Tau)}"
            + $" (fee {Output.Amount(Rao(e, "fee"), UnitOf(e, "netuid"))}); price now {Output.Tao(Rao(e, "price"))} {Output.PerAlpha}");

    public static readonly ExtrinsicOutcome StakeMoved = Transition("StakeMoved", "moved");

    public static readonly ExtrinsicOutcome StakeTransferred = Transition("StakeTransferred", "transferred");

    public static readonly ExtrinsicOutcome StakeSwapped = Transition("StakeSwapped", "swapped");

    public static readonly ExtrinsicOutcome SubnetStarted = new("FirstEmissionBlockNumberSet", ["netuid", "block"],
        e => $"started subnet {e["netuid"]}: it emits and takes stake from block #{e["block"]}");

    /// <summary>Reports a submitted extrinsic; once it is included, with the outcome its event names.</summary>
    public async Task<int> ReportAsync(NodeClient client, CliConsole console, bool json, ExtrinsicStatusView status, CancellationToken cancellation)
    {
        var fields = status is { Success: true, Block: { } block, Index: { } index }
            ? (await client.BlockAsync(block.ToString(), cancellation)).Events
                .FirstOrDefault(e => e.ExtrinsicIndex == index && e.Module == SubnetsModule.Name && e.Name == Event)?.Fields
            : null;
        if (json && fields is not null)
        {
            var report = JsonSerializer.SerializeToNode(status, Output.Json)!.AsObject();
            foreach (var name in Fields.Where(name => fields[name] is not null))
            {
                report[name] = fields[name]!.DeepClone();
            }
            console.Out.WriteLine(report.ToJsonString(Output.Json));
            return 0;
        }
        var exitCode = SubmissionReport.Write(console, json, status);
        if (fields is not null)
        {
            console.Out.WriteLine(Sentence(fields));
        }
        return exitCode;
    }

    /// <summary>move_stake, transfer_stake, swap_stake: the alpha that left the origin and what arrived at the destination.</summary>
    private static ExtrinsicOutcome Transition(string name, string verb) => new(name, ["origin_netuid", "destination_netuid", "alpha", "received"],
        e => $"{verb} {Output.Amount(Rao(e, "alpha"), UnitOf(e, "origin_netuid"))} of hotkey {e["origin_hotkey"]} in subnet {e["origin_netuid"]}"
            + $" to {(e["origin_coldkey"]?.GetValue<string>() == e["destination_coldkey"]?.GetValue<string>() ? "" : $"coldkey {e["destination_coldkey"]}, ")}"
            + $"hotkey {e["destination_hotkey"]} in subnet {e["destination_netuid"]}: received {Output.Amount(Rao(e, "received"), UnitOf(e, "destination_netuid"))}");

    private static ulong Rao(JsonNode fields, string name) => fields[name]?.GetValue<ulong>() ?? 0;

    /// <summary>The root subnet's stake is TAO; every other subnet's, on a chain that reports alpha, is alpha.</summary>
    private static string UnitOf(JsonNode fields, string netuid) => fields[netuid]?.GetValue<ushort>() == 0 ? Output.Tau : Output.Alpha;
}
