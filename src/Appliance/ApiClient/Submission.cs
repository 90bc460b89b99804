using Appliance.Chain;
using Appliance.Contracts;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;

namespace Appliance.ApiClient;

/// <summary>Builds, signs and submits an extrinsic through the API: the next nonce counting the pool, the node's genesis and spec version.</summary>
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
            throw new ClientError("BadNodeResponse", $"the node's genesis hash '{head.GenesisHash}' is not a hash.");
        }
        var extrinsic = SignedExtrinsic.Create(key, call, account.NextNonce, tip, genesis, head.SpecVersion);
        var submitted = await client.SubmitAsync(extrinsic.Encoded, cancellation);
        return wait
            ? await client.WaitForInclusionAsync(submitted.Hash, TimeSpan.FromSeconds(60), cancellation)
            : new ExtrinsicStatusView(submitted.Hash, submitted.Status, null, null, null, null, null);
    }
}
