using Appliance.Keys;
using Appliance.Primitives;
using CsCheck;

namespace Appliance.Tests.Primitives;

/// <summary>An account's address, shown from the cache or encoded afresh, is always its own SS58 address.</summary>
public sealed class AddressCacheTests
{
    [Fact]
    public void Address_IdsSharingACacheSlot_EachShownAsItsOwn()
    {
        var first = new byte[AccountId.Size];
        var second = new byte[AccountId.Size];
        first[31] = 1;
        second[31] = 2;

        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(Ss58.Encode(first), new AccountId(first).Address);
            Assert.Equal(Ss58.Encode(second), new AccountId(second).Address);
        }
    }

    [Fact]
    public void Address_RandomIdsCrowdedIntoFewSlots_EqualsEncodingAfresh()
    {
        var id = Gen.Select(Gen.Byte[0, 3], Gen.Byte.Array[AccountId.Size - 1], (head, tail) => (byte[])[head, .. tail]);
        Gen.Select(id, id).Sample((a, b) =>
        {
            Assert.Equal(Ss58.Encode(a), new AccountId(a).Address);
            Assert.Equal(Ss58.Encode(b), new AccountId(b).Address);
            Assert.Equal(Ss58.Encode(a), new AccountId(a).Address);
        }, iter: 2_000);
    }
}
