using System.Text.RegularExpressions;
using Appliance.Crypto;

namespace Appliance.Wallets;

/// <summary>
/// Wallets on disk as bittensor lays them out: <c>{root}/{name}/coldkey</c> (encrypted),
/// <c>coldkeypub.txt</c> and <c>hotkeys/{hotkey}</c> (plain, like bittensor's hotkeys). Every file is
/// written atomically and owner-only.
/// </summary>
public sealed partial class WalletStore
{
    public const string DefaultHotkey = "default";
    private readonly Argon2idCost _cost;

    public WalletStore(string root, Argon2idCost? cost = null)
    {
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new WalletException(WalletError.InvalidWalletsDir, "the wallets folder is empty; pass --wallets-dir DIR or set APPLIANCE_WALLETS_DIR.");
        }
        Root = Path.GetFullPath(root);
        _cost = cost ?? Argon2id.Interactive;
    }

    public string Root { get; }

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}\z")]
    private static partial Regex NamePattern();

    public static string DefaultRoot =>
        Environment.GetEnvironmentVariable("APPLIANCE_WALLETS_DIR")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".appliance", "wallets");

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public string WalletPath(string name) => Path.Combine(Root, CheckName(name, WalletError.InvalidWalletName, "wallet"));

    /// <summary>A wallet exists when either half of its coldkey is on disk.</summary>
    public bool Exists(string name) =>
        File.Exists(Path.Combine(WalletPath(name), "coldkeypub.txt")) || File.Exists(Path.Combine(WalletPath(name), "coldkey"));

    /// <summary>Refuses, before anything is written, a new wallet whose name or hotkey name is taken or invalid.</summary>
    public void CheckNew(string name, string hotkey)
    {
        if (Exists(name))
        {
            throw new WalletException(WalletError.WalletExists, $"wallet '{name}' already exists at {WalletPath(name)}.");
        }
        _ = HotkeyPath(name, hotkey);
    }

    /// <summary>Writes the coldkey from <paramref name="key"/>, refusing to replace one unless asked to.</summary>
    public WalletInfo WriteColdkey(string name, Ed25519KeyPair key, string? phrase, string password, bool overwrite)
    {
        var folder = WalletPath(name);
        if (!overwrite && Exists(name))
        {
            throw new WalletException(WalletError.WalletExists, $"wallet '{name}' already exists at {folder}; pass --overwrite to replace its coldkey.");
        }
        var data = Keyfile.Describe(key, phrase);
        AtomicFile.CreateOwnerOnlyDirectory(Root);
        Write(Path.Combine(folder, "coldkey"), KeyfileJson.Serialize(Keyfile.Encrypt(data, password, _cost)), overwrite, name);
        Write(Path.Combine(folder, "coldkeypub.txt"), KeyfileJson.Serialize(Keyfile.DescribePublic(key.PublicKey)), overwrite, name);
        return Show(name);
    }

    public WalletInfo WriteHotkey(string name, string hotkey, Ed25519KeyPair key, string? phrase, bool overwrite)
    {
        var path = HotkeyPath(name, hotkey);
        if (!Exists(name))
        {
            throw new WalletException(WalletError.WalletNotFound, $"no wallet '{name}' in {Root}.");
        }
        AtomicFile.CreateOwnerOnlyDirectory(Path.GetDirectoryName(path)!);
        if (!overwrite && File.Exists(path))
        {
            throw new WalletException(WalletError.HotkeyExists, $"wallet '{name}' already has a hotkey '{hotkey}'.");
        }
        Write(path, KeyfileJson.Serialize(Keyfile.Describe(key, phrase)), overwrite, name);
        return Show(name);
    }

    public IReadOnlyList<WalletInfo> List() =>
        !Directory.Exists(Root)
            ? []
            : Directory.EnumerateDirectories(Root)
                .Select(Path.GetFileName)
                .Where(n => n is not null && NamePattern().IsMatch(n) && Exists(n))
                .Order(StringComparer.Ordinal)
                .Select(n => Show(n!))
                .ToList();

    public WalletInfo Show(string name)
    {
        var folder = WalletPath(name);
        if (!Exists(name))
        {
            throw new WalletException(WalletError.WalletNotFound, $"no wallet '{name}' in {Root}.");
        }
        var hotkeysFolder = Path.Combine(folder, "hotkeys");
        var hotkeys = Directory.Exists(hotkeysFolder)
            ? Directory.EnumerateFiles(hotkeysFolder)
                .Select(Path.GetFileName)
                .Where(h => h is not null && NamePattern().IsMatch(h))
                .Order(StringComparer.Ordinal)
                .Select(h => ReadHotkeyInfo(h!, Path.Combine(hotkeysFolder, h!)))
                .ToList()
            : [];
        return new WalletInfo(name, folder, ColdkeyAddress(name), hotkeys);
    }

    public Ed25519KeyPair OpenColdkey(string name, string password)
    {
        var path = Path.Combine(WalletPath(name), "coldkey");
        if (!File.Exists(path))
        {
            throw new WalletException(WalletError.WalletNotFound, $"no coldkey at {path}.");
        }
        var data = Keyfile.Decrypt(KeyfileJson.Read<EncryptedKeyfileData>(path), password, path);
        var publicAddress = ColdkeyAddress(name);
        if (data.Ss58Address != publicAddress)
        {
            throw new WalletException(WalletError.KeyfileMismatch, $"{path} holds {data.Ss58Address} but coldkeypub.txt says {publicAddress}.");
        }
        return Keyfile.Open(data, path);
    }

    public Ed25519KeyPair OpenHotkey(string name, string hotkey)
    {
        var path = HotkeyPath(name, hotkey);
        if (!File.Exists(path))
        {
            throw new WalletException(WalletError.HotkeyNotFound, $"wallet '{name}' has no hotkey '{hotkey}' ({path}).");
        }
        return Keyfile.Open(KeyfileJson.Read<KeyfileData>(path), path);
    }

    private string HotkeyPath(string name, string hotkey) =>
        Path.Combine(WalletPath(name), "hotkeys", CheckName(hotkey, WalletError.InvalidHotkeyName, "hotkey"));

    private string ColdkeyAddress(string name)
    {
        var path = Path.Combine(WalletPath(name), "coldkeypub.txt");
        return File.Exists(path)
            ? KeyfileJson.Read<PublicKeyfileData>(path).Ss58Address
            : throw new WalletException(WalletError.KeyfileCorrupted, $"{path} is missing; regenerate the coldkey with 'wallet regen --overwrite'.");
    }

    /// <summary>A hotkey for listing; an unreadable file is listed as such rather than hiding the wallet.</summary>
    private static HotkeyInfo ReadHotkeyInfo(string name, string path)
    {
        try
        {
            return new HotkeyInfo(name, KeyfileJson.Read<KeyfileData>(path).Ss58Address);
        }
        catch (WalletException e)
        {
            return new HotkeyInfo(name, $"(unreadable: {e.Code})");
        }
    }

    private static void Write(string path, string content, bool overwrite, string wallet)
    {
        try
        {
            AtomicFile.WriteAllText(path, content, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            throw new WalletException(WalletError.WalletExists, $"wallet '{wallet}' already has {path}.");
        }
    }

    private static string CheckName(string name, WalletError code, string what) =>
        NamePattern().IsMatch(name)
            ? name
            : throw new WalletException(code,
                $"'{name.ReplaceLineEndings(" ")}' is not a valid {what} name: use 1 to 64 letters, digits, '_', '-' or '.', not starting with '.' or '-'.");
}

public sealed record WalletInfo(string Name, string Path, string ColdkeyAddress, IReadOnlyList<HotkeyInfo> Hotkeys);

public sealed record HotkeyInfo(string Name, string Address);
