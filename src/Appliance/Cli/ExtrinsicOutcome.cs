using System.Text.Json;
using System.Text.Json.Nodes;
using Appliance.ApiClient;
using Appliance.Contracts;
using Appliance.Runtime.Subnets;

namespace Appliance.Cli;

/// <summary>
/// What an included call produced, read from its event in the block (as btcli prints "Registered on netuid 1
/// with UID 3"): <c>register</c> reports the uid it got, <c>subnet create</c> the new netuid. The event's
/// <see cref="Fields"/> join the status under --json.
/// </summary>
public sealed record ExtrinsicOutcome(string Event, IReadOnlyList<string> Fields, Func<JsonNode, string> Sentence)
{
    public static readonly ExtrinsicOutcome NeuronRegistered = new("NeuronRegistered", ["netuid", "uid"],
        e => $"registered {e["hotkey"]} on subnet {e["netuid"]} as uid {e["uid"]}");

    public static readonly ExtrinsicOutcome NetworkAdded = new("NetworkAdded", ["netuid"],
        e => $"created subnet {e["netuid"]}; its owner hotkey {e["hotkey"]} is uid 0");

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
            foreach (var name in Fields)
            {
                report[name] = fields[name]?.DeepClone();
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
}
