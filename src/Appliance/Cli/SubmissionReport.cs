using Appliance.Contracts;

namespace Appliance.Cli;

/// <summary>What became of a submitted extrinsic, as the CLI prints it.</summary>
public static class SubmissionReport
{
    /// <summary>Prints the outcome; exit 1 when the call failed in its block.</summary>
    public static int Write(CliConsole console, bool json, ExtrinsicStatusView status)
    {
        if (json)
        {
            Output.WriteJson(console, status);
        }
        else if (status.Status == "included")
        {
            console.Out.WriteLine($"{status.Hash} included in block #{status.Block} ({status.BlockHash}): {(status.Success == true ? "success" : $"failed: {status.Error}")}");
        }
        else
        {
            console.Out.WriteLine($"{status.Hash} submitted; pending");
        }
        return status.Success == false ? 1 : 0;
    }
}
