using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Appliance.Crypto;
using Appliance.Wallets;

namespace Appliance.Up;

/// <summary>
/// The admin token (bearer token of /api/admin/*) and the password of the coldkeys <c>appliance up</c>
/// creates, made once and kept in the data folder (appliance.json, 0600): a restart keeps them.
/// </summary>
public sealed record ApplianceSecrets(string AdminToken, string WalletPassword)
{
    public const string FileName = "appliance.json";
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>Whether <paramref name="candidate"/> is the admin token, compared in constant time.</summary>
    public bool IsAdminToken(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate.Trim()), Encoding.UTF8.GetBytes(AdminToken));

    public static ApplianceSecrets LoadOrCreate(string dataDir, string? configuredPassword)
    {
        var path = Path.Combine(dataDir, FileName);
        ApplianceSecrets secrets;
        if (File.Exists(path))
        {
            try
            {
                secrets = JsonSerializer.Deserialize<ApplianceSecrets>(File.ReadAllText(path), Json)
                    ?? throw new InvalidDataException($"ApplianceSecretsCorrupt: {path} is empty.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"ApplianceSecretsCorrupt: {path} is not the appliance's secrets file ({e.Message}).");
            }
        }
        else
        {
            secrets = new ApplianceSecrets(Convert.ToHexStringLower(SecureRandom.Bytes(24)), Convert.ToHexStringLower(SecureRandom.Bytes(16)));
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(secrets, Json), overwrite: false);
        }
        return string.IsNullOrEmpty(configuredPassword) ? secrets : secrets with { WalletPassword = configuredPassword };
    }
}
