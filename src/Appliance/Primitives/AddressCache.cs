using System.Buffers.Binary;
using Appliance.Keys;

namespace Appliance.Primitives;

/// <summary>
/// Recently shown SS58 addresses: a block names each account in several events (a transfer's sender pays the
/// fee and sends, its recipient is endowed and receives), and encoding one hashes with BLAKE2b-512 and
/// divides in base 58. Bounded and lock-free: a slot, chosen by the id's first bytes, holds one immutable
/// entry, replaced whole.
/// </summary>
internal static class AddressCache
{
    private const int Slots = 4096;
    private static readonly Entry?[] Entries = new Entry?[Slots];

    /// <param name="accountId">An id no one changes: the entry keeps it.</param>
    public static string Encode(byte[] accountId)
    {
        ref var slot = ref Entries[BinaryPrimitives.ReadInt32LittleEndian(accountId) & (Slots - 1)];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && entry.Id.AsSpan().SequenceEqual(accountId))
        {
            return entry.Address;
        }
        var address = Ss58.Encode(accountId);
        Volatile.Write(ref slot, new Entry(accountId, address));
        return address;
    }

    private sealed record Entry(byte[] Id, string Address);
}
