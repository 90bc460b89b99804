namespace Appliance.Tests.Architecture;

/// <summary>
/// The allowed direction of dependency between the top-level folders (namespaces) of src/Appliance, written
/// once; docs/architecture.md draws the same graph. A folder may use itself and the folders listed for it,
/// nothing else. The root namespace (Program) may use everything.
/// </summary>
public static class Layers
{
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        // Foundations: no other folder of ours.
        ["Scale"] = [],
        ["Crypto"] = [],
        ["Consensus"] = [],
        ["Models"] = [],
        ["Contracts"] = [],
        ["Metrics"] = [],
        ["Keys"] = ["Crypto"],
        ["Primitives"] = ["Scale", "Crypto", "Keys"],
        ["State"] = ["Scale"],
        ["Wallets"] = ["Crypto", "Keys", "Primitives"],
        ["Configuration"] = ["Keys", "Wallets"],

        // The chain: runtime, block execution, persistence, the pool, the node, its read side and HTTP API.
        ["Runtime"] = ["Scale", "State", "Primitives", "Consensus", "Crypto", "Keys", "Metrics"],
        ["Chain"] = ["Runtime", "State", "Scale", "Primitives", "Crypto", "Keys"],
        ["Storage"] = ["Chain", "Runtime", "State", "Scale", "Primitives"],
        ["Mempool"] = ["Chain", "Runtime", "State", "Scale", "Primitives", "Metrics"],
        ["Node"] = ["Chain", "Storage", "Mempool", "Configuration", "Runtime", "State", "Scale", "Primitives", "Crypto", "Keys", "Metrics"],
        ["Queries"] = ["Node", "Storage", "Mempool", "Chain", "Runtime", "State", "Primitives", "Contracts", "Keys", "Consensus"],
        ["Api"] = ["Queries", "Node", "Mempool", "Chain", "Runtime", "Primitives", "Contracts", "Keys"],
        ["Hosting"] = ["Api", "Queries", "Node", "ApiClient", "Configuration", "Contracts", "Metrics"],

        // Neurons: they reach the node only through the client, each other only through the axon.
        ["ApiClient"] = ["Contracts", "Chain", "Runtime", "Primitives", "Crypto", "Keys"],
        ["Mining"] = ["Models", "Metrics"],
        ["Axon"] = ["Mining", "ApiClient", "Contracts", "Configuration", "Runtime", "Primitives", "Crypto", "Keys", "Metrics"],
        ["Validation"] = ["Axon", "Mining", "ApiClient", "Contracts", "Runtime", "Primitives", "Crypto", "Keys", "Wallets"],

        // The appliance, its UI and the command line on top.
        ["Up"] = ["Hosting", "Api", "Queries", "Node", "Validation", "Axon", "Mining", "Models", "ApiClient", "Contracts", "Configuration",
            "Wallets", "Runtime", "Chain", "Primitives", "Crypto", "Keys"],
        ["Web"] = ["Up", "Hosting", "Queries", "Node", "Validation", "ApiClient", "Contracts", "Configuration", "Wallets", "Runtime", "Chain",
            "Consensus", "Primitives", "Crypto", "Keys"],
        ["Cli"] = ["Web", "Up", "Hosting", "Api", "Queries", "Node", "Storage", "Mempool", "Validation", "Axon", "Mining", "Models", "ApiClient",
            "Contracts", "Configuration", "Wallets", "Runtime", "Chain", "State", "Consensus", "Primitives", "Scale", "Crypto", "Keys"],
    };

    /// <summary>The top-level folder of a namespace of ours ("Appliance.Runtime.Subnets" → "Runtime"), null for others and the root.</summary>
    public static string? FolderOf(string? ns)
    {
        if (ns is null || !ns.StartsWith("Appliance.", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = ns["Appliance.".Length..];
        var dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>Whether code in <paramref name="from"/> may use <paramref name="to"/>.</summary>
    public static bool Permits(string from, string to) => from == to || (Allowed.TryGetValue(from, out var allowed) && allowed.Contains(to));
}
