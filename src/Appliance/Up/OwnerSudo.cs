using Appliance.ApiClient;
using Appliance.Contracts;
using Appliance.Crypto;
using Appliance.Hosting;
using Appliance.Keys;
using Appliance.Primitives;
using Appliance.Queries;
using Appliance.Runtime.Subnets;

namespace Appliance.Up;

/// <summary>
/// A hyperparameter change made from the UI or /api/admin/: the appliance signs sudo_set_hyperparameter with
/// the subnet owner's coldkey when it holds that key — a development account, as //Alice owns up's subnet —
/// and submits it through the node's API like any wallet. Refusals are ClientErrors carrying the error code.
/// </summary>
public sealed class OwnerSudo(ChainQueries queries, SelfNode self)
{
    public async Task<ExtrinsicStatusView> SetAsync(ushort netuid, string name, string text, CancellationToken cancellation)
    {
        if (!Hyperparameters.ByName.TryGetValue(name, out var parameter))
        {
            throw new ClientError("UnknownHyperparameter", $"'{name}'; known: {string.Join(", ", Hyperparameters.All.Select(h => h.Name))}.");
        }
        if (!parameter.TryParse(text.Trim(), out var value))
        {
            throw new ClientError("InvalidValue", $"'{text}' is not a value for {name}.");
        }
        var owner = queries.Subnet(new NetUid(netuid))?.Owner
            ?? throw new ClientError("SubNetworkDoesNotExist", $"there is no subnet {netuid}.");
        using var key = HeldKey(owner)
            ?? throw new ClientError("OwnerKeyNotHeld", $"subnet {netuid} is owned by {owner}, whose key this appliance does not hold; "
                + "use 'appliance subnet hyperparameters --set' with the owner's wallet.");
        var client = self.Client;
        return await Submission.SubmitAsync(client, key, new SudoSetHyperparameter(new NetUid(netuid), name, value), Rao.Zero, wait: true, cancellation);
    }

    private static Ed25519KeyPair? HeldKey(string owner)
    {
        foreach (var name in DevAccounts.Names)
        {
            var key = DevAccounts.FromUri($"//{name}");
            if (new AccountId(key.PublicKey).Address == owner)
            {
                return key;
            }
            key.Dispose();
        }
        return null;
    }
}
