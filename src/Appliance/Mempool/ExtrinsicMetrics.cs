using System.Diagnostics;
using System.Diagnostics.Metrics;
using Appliance.Chain;
using Appliance.Metrics;

namespace Appliance.Mempool;

/// <summary>
/// <c>appliance.extrinsics</c>: every extrinsic's fate once, by <c>result</c> — <c>rejected</c> at admission,
/// or <c>success</c> / <c>failed</c> in a block — with the same <c>code</c> the API and the block show.
/// </summary>
public sealed class ExtrinsicMetrics(IMeterFactory meters)
{
    private readonly Counter<long> _extrinsics = ApplianceMeter.For(meters).CreateCounter<long>(
        "appliance.extrinsics", "{extrinsic}", "Extrinsics by result: rejected at admission, success or failed in a block; code names the error.");

    public void Admitted(AdmissionResult result)
    {
        if (!result.Accepted)
        {
            Add("rejected", result.Error);
        }
    }

    public void Included(IEnumerable<ExtrinsicResult> results)
    {
        foreach (var result in results)
        {
            Add(result.Success ? "success" : "failed", result.Error?.Code.ToString());
        }
    }

    private void Add(string result, string? code)
    {
        var tags = new TagList { { "result", result } };
        if (code is not null)
        {
            tags.Add("code", code);
        }
        _extrinsics.Add(1, tags);
    }
}
