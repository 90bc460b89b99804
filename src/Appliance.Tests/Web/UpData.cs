using System.Text.Json;
using Appliance.Chain;
using Appliance.Crypto;
using Appliance.Wallets;
using Appliance.Tests.Support;

namespace Appliance.Tests.Web;

/// <summary>
/// What the browser tests need from the fixture's data folder, found through what <c>up</c> prints
/// ("data in DIR") rather than through the fixture's internals.
/// </summary>
public static class UpData
{
    private const string Prefix = "data in ";

    public static string DataDir(UpProcess up)
    {
        var line = up.Output.First(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return line[Prefix.Length..line.IndexOf("  (", StringComparison.Ordinal)];
    }

    /// <summary>The password of every coldkey <c>up</c> created (appliance.json's wallet_password).</summary>
    public static string WalletPassword(UpProcess up)
    {
        using var secrets = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDir(up), "appliance.json")));
        return secrets.RootElement.GetProperty("wallet_password").GetString()!;
    }

    public static string ColdkeyAddress(UpProcess up, string wallet) => new WalletStore(Path.Combine(DataDir(up), "wallets")).Show(wallet).ColdkeyAddress;

    /// <summary>An address no one holds yet: a fresh key's.</summary>
    public static string FreshAddress()
    {
        using var key = Ed25519KeyPair.FromSeed(SecureRandom.Bytes(32));
        return new AccountId(key.PublicKey).Address;
    }

    public static async Task<ulong> FreeAsync(UpProcess up, string address) =>
        (await up.GetAsync<JsonElement>($"/api/accounts/{address}")).GetProperty("free").GetUInt64();
}
