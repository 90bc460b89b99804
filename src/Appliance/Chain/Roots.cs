using Appliance.Primitives;
using Appliance.Scale;

namespace Appliance.Chain;

/// <summary>
/// The two roots a header commits to. Substrate uses Merkle-Patricia trie roots; we use hash chains that
/// are as binding for a single node and far cheaper: the state root is BLAKE2b-256(previous root ‖
/// BLAKE2b-256(SCALE Vec&lt;(key, Option&lt;value&gt;)&gt; of the block's writes in key order)), unchanged by a
/// block that writes nothing; the extrinsics root is BLAKE2b-256(SCALE Vec&lt;extrinsic hash&gt;).
/// </summary>
public static class Roots
{
    public static Hash256 NextStateRoot(Hash256 previous, IReadOnlyCollection<KeyValuePair<byte[], byte[]?>> sortedWrites)
    {
        if (sortedWrites.Count == 0)
        {
            return previous;
        }
        var writes = new ScaleWriter(64 * sortedWrites.Count).Vec(sortedWrites, (w, entry) => w.Bytes(entry.Key).OptionRef(entry.Value, (v, value) => v.Bytes(value)));
        var digest = Hash256.Of(writes.Written);
        return Hash256.Of([.. previous.Bytes, .. digest.Bytes]);
    }

    public static Hash256 ExtrinsicsRoot(IReadOnlyCollection<Hash256> extrinsicHashes) =>
        Hash256.Of(new ScaleWriter(8 + 32 * extrinsicHashes.Count).Vec(extrinsicHashes, (w, hash) => hash.Write(w)).Written);
}
