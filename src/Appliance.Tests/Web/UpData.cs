using System.Text.Json;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Tests.Support;
using Appliance.Wallets;

namespace Appliance.Tests.Web;

/// <summary>What the wallet tests read from the fixture's data folder and the API.</summary>
public static class UpData
{
    /// <summary>The password of every coldkey <c>up</c> created (appliance.json's wallet_password).</summary>
    public static string WalletPassword(WebFixture web)
    {
        using var secrets = JsonDocument.Parse(File.ReadAllText(Path.Combine(web.DataDir, "appliance.json")));
        return secrets.RootElement.GetProperty("wallet_password").GetString()!;
    }

    public static string ColdkeyAddress(WebFixture web, string wallet) => new WalletStore(Path.Combine(web.DataDir, "wallets")).Show(wallet).ColdkeyAddress;

    /// <summary>An address no one holds yet: a fresh key's.</summary>
    public static string FreshAddress()
    {
        using var key = Ed25519KeyPair.FromSeed(SecureRandom.Bytes(32));
        return new AccountId(key.PublicKey).Address;
    }

    public static async Task<ulong> FreeAsync(UpProcess up, string address) =>
        (await up.GetAsync<JsonElement>($"/api/accounts/{address}")).GetProperty("free").GetUInt64();
}
