using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Appliance.Crypto;
using Appliance.Wallets;

namespace Appliance.Up;

/// <summary>
/// The admin token (bearer token of /api/admin/*), made once and kept in the data folder (appliance.json,
/// 0600), and the password of the coldkeys <c>appliance up</c> creates: Up:WalletPassword when set; else the
/// one an older data folder's appliance.json holds (its wallets live in &lt;data&gt;/wallets); else one made
/// once and kept beside those wallets (<see cref="PasswordFileName"/>, 0600), so every data folder that shares
/// a wallets folder opens up's wallets in it. A restart keeps both.
/// </summary>
public sealed record ApplianceSecrets(string AdminToken, string WalletPassword)
{
    public const string FileName = "appliance.json";

    /// <summary>A file, not a folder, so <c>wallet list</c> does not take it for a wallet.</summary>
    public const string PasswordFileName = ".appliance-up-password";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Whether <paramref name="candidate"/> is the admin token, compared in constant time.</summary>
    public bool IsAdminToken(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate.Trim()), Encoding.UTF8.GetBytes(AdminToken));

    public static ApplianceSecrets LoadOrCreate(string dataDir, string walletsDir, string? configuredPassword)
    {
        var path = Path.Combine(dataDir, FileName);
        StoredSecrets stored;
        if (File.Exists(path))
        {
            try
            {
                stored = JsonSerializer.Deserialize<StoredSecrets>(File.ReadAllText(path), Json)
                    ?? throw new InvalidDataException($"ApplianceSecretsCorrupt: {path} is empty.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"ApplianceSecretsCorrupt: {path} is not the appliance's secrets file ({e.Message}).");
            }
        }
        else
        {
            stored = new StoredSecrets(NewSecret(24), null);
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(stored, Json), overwrite: false);
        }
        var password = !string.IsNullOrEmpty(configuredPassword) ? configuredPassword : stored.WalletPassword ?? WalletsFolderPassword(walletsDir);
        return new ApplianceSecrets(stored.AdminToken, password);
    }

    private static string WalletsFolderPassword(string walletsDir)
    {
        var path = Path.Combine(walletsDir, PasswordFileName);
        if (!File.Exists(path))
        {
            try
            {
                AtomicFile.WriteAllText(path, NewSecret(16), overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another up sharing the folder made it first: use theirs.
            }
        }
        return File.ReadAllText(path).Trim();
    }

    private static string NewSecret(int bytes) => Convert.ToHexStringLower(SecureRandom.Bytes(bytes));

    private sealed record StoredSecrets(string AdminToken, string? WalletPassword);
}
