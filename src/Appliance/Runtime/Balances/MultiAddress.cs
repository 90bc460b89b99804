using Appliance.Primitives;
using Appliance.Scale;

namespace Appliance.Runtime.Balances;

/// <summary>Substrate's MultiAddress as calls encode a destination; only the Id variant (0x00 ‖ 32 bytes) exists here.</summary>
public static class MultiAddress
{
    public static AccountId Read(ScaleReader reader)
    {
        var start = reader.Offset;
        var variant = reader.U8();
        return variant == 0
            ? AccountId.Read(reader)
            : throw new ScaleFormatException($"UnsupportedAddress: MultiAddress variant {variant} at offset {start}; only Id (0) is supported.");
    }

    public static void Write(ScaleWriter writer, AccountId account)
    {
        writer.U8(0);
        account.Write(writer);
    }
}
