using Appliance.Primitives;
using Appliance.Scale;

namespace Appliance.Chain;

/// <summary>A block header; its hash, BLAKE2b-256 of this SCALE encoding, names the block.</summary>
public sealed record Header(Hash256 ParentHash, ulong Number, Hash256 StateRoot, Hash256 ExtrinsicsRoot, ulong Timestamp, AccountId Author)
{
    public byte[] Encode()
    {
        var writer = new ScaleWriter();
        ParentHash.Write(writer);
        writer.Compact(Number);
        StateRoot.Write(writer);
        ExtrinsicsRoot.Write(writer);
        writer.U64(Timestamp);
        Author.Write(writer);
        return writer.ToArray();
    }

    public Hash256 Hash() => Hash256.Of(Encode());
}
