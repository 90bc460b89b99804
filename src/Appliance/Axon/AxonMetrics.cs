using System.Diagnostics;
using System.Diagnostics.Metrics;
using Appliance.Metrics;

namespace Appliance.Axon;

/// <summary><c>appliance.axon.requests</c>: synapse requests the process's axons answered, by HTTP status and outcome (Completed or the refusal's code).</summary>
public static class AxonMetrics
{
    private static readonly Counter<long> Requests = ApplianceMeter.Process.CreateCounter<long>(
        "appliance.axon.requests", "{request}", "Synapse requests answered by the miners' axons, by status and outcome.");

    public static void Answered(PathString path, int status, string outcome)
    {
        if (path != AxonServer.HealthPath)
        {
            Requests.Add(1, new TagList { { "status", status }, { "outcome", outcome } });
        }
    }
}
