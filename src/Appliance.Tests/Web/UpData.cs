using System.Text.Json;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Tests.Support;
using Appliance.Up;
using Appliance.Wallets;

namespace Appliance.Tests.Web;

/// <summary>What the wallet tests read from the fixture's data folder and the API.</summary>
public static class UpData
{
    /// <summary>The password of every coldkey <c>up</c> created, kept beside them in its wallets folder.</summary>
    public static string WalletPassword(WebFixture web) =>
        File.ReadAllText(Path.Combine(web.DataDir, "wallets", ApplianceSecrets.PasswordFileName)).Trim();

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
