using System.Text.RegularExpressions;
using Appliance.Crypto;
using Appliance.Keys;

namespace Appliance.Wallets;

/// <summary>
/// Wallets on disk as bittensor lays them out: <c>{root}/{name}/coldkey</c> (encrypted),
/// <c>coldkeypub.txt</c> and <c>hotkeys/{hotkey}</c> (plain, like bittensor's hotkeys). Every file is
/// written atomically and owner-only.
/// </summary>
public sealed partial class WalletStore(string root, Argon2idCost? cost = null)
{
    public const string DefaultHotkey = "default";
    private readonly Argon2idCost _cost = cost ?? Argon2id.Interactive;

    public string Root { get; } = Path.GetFullPath(root);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex NamePattern();

    public static string DefaultRoot =>
        Environment.GetEnvironmentVariable("APPLIANCE_WALLETS_DIR")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".appliance", "wallets");

    public string WalletPath(string name) => Path.Combine(Root, CheckName(name, "wallet"));

    public bool Exists(string name) => File.Exists(Path.Combine(WalletPath(name), "coldkeypub.txt"));

    /// <summary>Writes the coldkey from <paramref name="key"/>, refusing to replace one unless asked to.</summary>
    public WalletInfo WriteColdkey(string name, Ed25519KeyPair key, string? phrase, string password, bool overwrite)
    {
        var folder = WalletPath(name);
        if (!overwrite && Exists(name))
        {
            throw new WalletException(WalletError.WalletExists, $"wallet '{name}' already exists at {folder}.");
        }
        var data = Keyfile.Describe(key, phrase);
        AtomicFile.WriteAllText(Path.Combine(folder, "coldkey"), KeyfileJson.Serialize(Keyfile.Encrypt(data, password, _cost)));
        AtomicFile.WriteAllText(Path.Combine(folder, "coldkeypub.txt"), KeyfileJson.Serialize(Keyfile.DescribePublic(key.PublicKey)));
        return Show(name);
    }

    public WalletInfo WriteHotkey(string name, string hotkey, Ed25519KeyPair key, string? phrase, bool overwrite)
    {
        var path = HotkeyPath(name, hotkey);
        if (!Exists(name))
        {
            throw new WalletException(WalletError.WalletNotFound, $"no wallet '{name}' in {Root}.");
        }
        if (!overwrite && File.Exists(path))
        {
            throw new WalletException(WalletError.HotkeyExists, $"wallet '{name}' already has a hotkey '{hotkey}'.");
        }
        AtomicFile.WriteAllText(path, KeyfileJson.Serialize(Keyfile.Describe(key, phrase)));
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
        var coldkey = KeyfileJson.Read<PublicKeyfileData>(Path.Combine(folder, "coldkeypub.txt"));
        var hotkeysFolder = Path.Combine(folder, "hotkeys");
        var hotkeys = Directory.Exists(hotkeysFolder)
            ? Directory.EnumerateFiles(hotkeysFolder)
                .Select(Path.GetFileName)
                .Where(h => h is not null && NamePattern().IsMatch(h))
                .Order(StringComparer.Ordinal)
                .Select(h => new HotkeyInfo(h!, KeyfileJson.Read<KeyfileData>(Path.Combine(hotkeysFolder, h!)).Ss58Address))
                .ToList()
            : [];
        return new WalletInfo(name, folder, coldkey.Ss58Address, hotkeys);
    }

    public Ed25519KeyPair OpenColdkey(string name, string password)
    {
        var path = Path.Combine(WalletPath(name), "coldkey");
        if (!File.Exists(path))
        {
            throw new WalletException(WalletError.WalletNotFound, $"no coldkey at {path}.");
        }
        var data = Keyfile.Decrypt(KeyfileJson.Read<EncryptedKeyfileData>(path), password, path);
        var publicAddress = Show(name).ColdkeyAddress;
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
        Path.Combine(WalletPath(name), "hotkeys", CheckName(hotkey, "hotkey"));

    private static string CheckName(string name, string what) =>
        NamePattern().IsMatch(name)
            ? name
            : throw new WalletException(WalletError.InvalidWalletName,
                $"'{name}' is not a valid {what} name: use 1 to 64 letters, digits, '_', '-' or '.', not starting with '.' or '-'.");
}

public sealed record WalletInfo(string Name, string Path, string ColdkeyAddress, IReadOnlyList<HotkeyInfo> Hotkeys);

public sealed record HotkeyInfo(string Name, string Address);
