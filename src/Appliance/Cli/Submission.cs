using Appliance.Chain;
using Appliance.Contracts;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;

namespace Appliance.Cli;

/// <summary>Builds, signs and submits an extrinsic through the API, and reports what became of it.</summary>
public static class Submission
{
    public static async Task<ExtrinsicStatusView> SubmitAsync(
        NodeClient client, Ed25519KeyPair key, RuntimeCall call, Rao tip, bool wait, CancellationToken cancellation)
    {
        var head = await client.HeadAsync(cancellation);
        var signer = new AccountId(key.PublicKey);
        var account = await client.AccountAsync(signer.Address, cancellation);
        if (!Hash256.TryParse(head.GenesisHash, out var genesis))
        {
            throw new CliError($"BadNodeResponse: the node's genesis hash '{head.GenesisHash}' is not a hash.");
        }
        var extrinsic = SignedExtrinsic.Create(key, call, account.NextNonce, tip, genesis, head.SpecVersion);
        var submitted = await client.SubmitAsync(extrinsic.Encoded, cancellation);
        return wait
            ? await client.WaitForInclusionAsync(submitted.Hash, TimeSpan.FromSeconds(60), cancellation)
            : new ExtrinsicStatusView(submitted.Hash, submitted.Status, null, null, null, null, null);
    }

    /// <summary>Prints the outcome; exit 1 when the call failed in its block.</summary>
    public static int Report(CliConsole console, bool json, ExtrinsicStatusView status)
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
