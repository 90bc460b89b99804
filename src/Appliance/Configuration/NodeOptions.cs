using Appliance.Wallets;

namespace Appliance.Configuration;

/// <summary>
/// The node's settings, from the "Node" configuration section (appsettings.json, APPLIANCE_NODE__* variables
/// or the command line).
/// </summary>
public sealed class NodeOptions
{
    public const string Section = "Node";

    private string? _walletsDir;

    /// <summary>Folder of chain.db; created when missing.</summary>
    public string DataDir { get; set; } = DefaultDataDir;

    /// <summary>
    /// The wallets folder of up's miners and validators and of the UI: Node:WalletsDir when set; else
    /// &lt;data&gt;/wallets when an earlier up made it there (data folders from before one folder was shared);
    /// else the CLI's folder ($APPLIANCE_WALLETS_DIR, or ~/.appliance/wallets), so all three see the same wallets.
    /// </summary>
    public string WalletsDir
    {
        get => !string.IsNullOrEmpty(_walletsDir) ? _walletsDir
            : Directory.Exists(DataFolderWallets) ? DataFolderWallets
            : WalletStore.DefaultRoot;
        set => _walletsDir = value;
    }

    private string DataFolderWallets => Path.Combine(DataDir, "wallets");

    /// <summary>Milliseconds between blocks.</summary>
    public int BlockTimeMs { get; set; } = 1000;

    /// <summary>Secret URI of the key that seals blocks; the development chain's authority is //Alice.</summary>
    public string AuthorityUri { get; set; } = "//Alice";

    /// <summary>A genesis config JSON file; empty for the development genesis.</summary>
    public string? GenesisFile { get; set; }

    /// <summary>
    /// The development chain's emission model, "dynamic" or "classic"; empty: the one the data folder's chain
    /// has, or dynamic for a new chain. A genesis file names its own.
    /// </summary>
    public string? EmissionModel { get; set; }

    public static string DefaultDataDir =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".appliance", "data");
}
