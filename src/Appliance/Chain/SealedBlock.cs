using Appliance.Primitives;
using Appliance.Runtime;

namespace Appliance.Chain;

/// <summary>A block ready to commit: header, the authority's signature of its hash, what ran, and the state writes.</summary>
public sealed record SealedBlock(
    Header Header,
    Hash256 Hash,
    byte[] Signature,
    IReadOnlyList<ExtrinsicResult> Extrinsics,
    IReadOnlyList<RuntimeEvent> Events,
    IReadOnlyCollection<KeyValuePair<byte[], byte[]?>> StateChanges);
