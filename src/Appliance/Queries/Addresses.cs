using System.Collections.Concurrent;
using Appliance.Primitives;

namespace Appliance.Queries;

/// <summary>
/// SS58 addresses of the accounts the read side shows, kept once encoded: a metagraph names thousands of
/// hotkeys that rarely change between blocks, and encoding each (BLAKE2b checksum and base58) again on
/// every read cost more than reading its row. An address is a pure function of the key, so a kept one is
/// never stale; the store is emptied when it reaches <see cref="Capacity"/>, which bounds its memory.
/// </summary>
public static class Addresses
{
    public const int Capacity = 1 << 16;
    private static readonly ConcurrentDictionary<AccountId, string> Known = new();

    public static string Of(AccountId account)
    {
        if (Known.TryGetValue(account, out var address))
        {
            return address;
        }
        if (Known.Count >= Capacity)
        {
            Known.Clear();
        }
        return Known[account] = account.Address;
    }
}
