namespace Appliance.Configuration;

/// <summary>
/// The node's settings, from the "Node" configuration section (appsettings.json, APPLIANCE_NODE__* variables
/// or the command line).
/// </summary>
public sealed class NodeOptions
{
    public const string Section = "Node";

    /// <summary>Folder of chain.db; created when missing.</summary>
    public string DataDir { get; set; } = DefaultDataDir;

    /// <summary>The wallets up creates for its miners and validators, and the UI signs with.</summary>
    public string WalletsDir => Path.Combine(DataDir, "wallets");

    /// <summary>Milliseconds between blocks.</summary>
    public int BlockTimeMs { get; set; } = 1000;

    /// <summary>Secret URI of the key that seals blocks; the development chain's authority is //Alice.</summary>
    public string AuthorityUri { get; set; } = "//Alice";

    /// <summary>A genesis config JSON file; empty for the development genesis.</summary>
    public string? GenesisFile { get; set; }

    public static string DefaultDataDir =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".appliance", "data");
}
