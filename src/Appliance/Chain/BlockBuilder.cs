using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Epoch;
using Appliance.State;

namespace Appliance.Chain;

/// <summary>
/// Executes a block's extrinsics on its parent's state and computes its header: the one path shared by
/// the producer (which skips extrinsics that turn out invalid) and by replay (for which any invalid
/// extrinsic makes the block bad).
/// </summary>
public static class BlockBuilder
{
    public const int MaxExtrinsics = 4096;
    public const int MaxBytes = 4 * 1024 * 1024;

    public static BuiltBlock Build(
        BlockExecutor executor, IStateReader parentState, ChainHead parent, ulong timestamp, AccountId author,
        IEnumerable<SignedExtrinsic> candidates, bool checkSignatures)
    {
        var number = parent.Number + 1;
        var state = new StateOverlay(parentState);
        var events = new List<RuntimeEvent>();
        BlockStep.OnInitialize(state, number, events);
        var results = new List<ExtrinsicResult>();
        var rejected = new List<(SignedExtrinsic, ValidityError)>();
        var bytes = 0;
        foreach (var extrinsic in candidates)
        {
            if (results.Count == MaxExtrinsics || bytes + extrinsic.Length > MaxBytes)
            {
                break;
            }
            if (executor.Validate(state, extrinsic, checkSignatures) is { } reason)
            {
                rejected.Add((extrinsic, reason));
                continue;
            }
            results.Add(executor.Apply(state, extrinsic, number, results.Count, events));
            bytes += extrinsic.Length;
        }
        var header = new Header(
            parent.Hash, number, Roots.NextStateRoot(parent.Header.StateRoot, state.Changes),
            Roots.ExtrinsicsRoot(results.Select(r => r.Extrinsic.Hash).ToList()), timestamp, author);
        return new BuiltBlock(header, results, events, state, rejected);
    }
}

/// <summary>A block executed but not yet sealed or committed.</summary>
public sealed record BuiltBlock(
    Header Header,
    IReadOnlyList<ExtrinsicResult> Extrinsics,
    IReadOnlyList<RuntimeEvent> Events,
    StateOverlay State,
    IReadOnlyList<(SignedExtrinsic Extrinsic, ValidityError Reason)> Rejected);
