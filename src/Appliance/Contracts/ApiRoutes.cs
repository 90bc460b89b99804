namespace Appliance.Contracts;

/// <summary>
/// The node's HTTP API routes, written once: the server maps these templates under <see cref="Prefix"/>,
/// the client fills them in with <see cref="Path"/>.
/// </summary>
public static class ApiRoutes
{
    public const string DefaultNodeUrl = "http://127.0.0.1:9944";
    public const string Prefix = "/api";

    public const string Head = "/chain/head";
    public const string Issuance = "/chain/issuance";
    public const string Blocks = "/blocks";
    public const string Block = "/blocks/{id}";
    public const string Extrinsics = "/extrinsics";
    public const string Extrinsic = "/extrinsics/{hash}";
    public const string Account = "/accounts/{address}";
    public const string HotkeyNeurons = "/hotkeys/{address}/neurons";
    public const string HotkeyCommits = "/hotkeys/{address}/commits";
    public const string AccountPending = "/accounts/{address}/pending";
    public const string Subnets = "/subnets";
    public const string Subnet = "/subnets/{netuid}";
    public const string Metagraph = "/subnets/{netuid}/metagraph";
    public const string SubnetPrices = "/subnets/{netuid}/prices";
    public const string Hyperparameters = "/subnets/{netuid}/hyperparameters";
    public const string Neuron = "/subnets/{netuid}/neurons/{uid}";
    public const string Events = "/events";

    /// <summary>
    /// <paramref name="template"/> with its {placeholders} filled in order by <paramref name="values"/>
    /// (escaped), as a path relative to the node's base URL.
    /// </summary>
    public static string Path(string template, params object[] values)
    {
        var path = template;
        foreach (var value in values)
        {
            var open = path.IndexOf('{');
            var close = path.IndexOf('}', open);
            path = path[..open] + Uri.EscapeDataString(value.ToString()!) + path[(close + 1)..];
        }
        return Prefix.TrimStart('/') + path;
    }
}
