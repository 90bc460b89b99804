using System.Net.Http.Json;
using System.Text.Json;
using Appliance.ApiClient;
using Appliance.Keys;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Subnets;

namespace Appliance.Tests.Web;

/// <summary>
/// A subnet filled to 4096 uids (the largest max_allowed_uids) by burned_register alone, for the subnet
/// page's paging: //Alice registers it, raises max_allowed_uids, caps the burn low, and funds 16 coldkeys
/// that register 256 hotkeys each at once (an account may queue only 16 nonces ahead, so //Alice alone would
/// take some 270 blocks). No weights and the default tempo: its rows only need to exist.
/// </summary>
public static class FullSubnet
{
    public const int Uids = 4096;
    private const int Coldkeys = 16;

    public static async Task<ushort> CreateAsync(HttpClient http, string url)
    {
        using var node = new NodeClient(url);
        using var alice = DevAccounts.Alice();
        var coldkeys = Enumerable.Range(0, Coldkeys).Select(i => DevAccounts.FromUri($"//Alice//full-{i}")).ToList();
        try
        {
            // Registration takes the hotkey's account id only; none of these hotkeys ever signs.
            var random = new Random(Uids);
            var hotkeys = Enumerable.Range(0, Uids).Select(_ =>
            {
                var bytes = new byte[AccountId.Size];
                random.NextBytes(bytes);
                return new AccountId(bytes);
            }).ToList();
            await LargeSubnet.IncludedAsync(node, alice, new RegisterNetwork(hotkeys[0]));
            var netuid = (await http.GetFromJsonAsync<JsonElement>("/api/subnets")).EnumerateArray().Select(s => s.GetProperty("netuid").GetUInt16()).Max();
            var id = new NetUid(netuid);
            var alices = new LargeSubnet.PacedSubmitter(node, alice);
            await alices.SubmitAsync(new SudoSetHyperparameter(id, "max_allowed_uids", Uids));
            await alices.SubmitAsync(new SudoSetHyperparameter(id, "max_burn", 1_000_000));
            foreach (var coldkey in coldkeys)
            {
                await alices.SubmitAsync(new TransferAllowDeath(new AccountId(coldkey.PublicKey), Rao.FromTao(10)));
            }
            await alices.DrainAsync();
            await Task.WhenAll(coldkeys.Select(async (coldkey, k) =>
            {
                var submitter = new LargeSubnet.PacedSubmitter(node, coldkey);
                for (var uid = 1 + k; uid < Uids; uid += Coldkeys)
                {
                    await submitter.SubmitAsync(new BurnedRegister(id, hotkeys[uid]));
                }
                await submitter.DrainAsync();
            }));
            return netuid;
        }
        finally
        {
            coldkeys.ForEach(c => c.Dispose());
        }
    }
}
