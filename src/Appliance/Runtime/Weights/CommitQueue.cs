using Appliance.Primitives;
using Appliance.Scale;

namespace Appliance.Runtime.Weights;

/// <summary>A hotkey's unrevealed weight commits, oldest first (subtensor's WeightCommits queue).</summary>
public sealed record CommitQueue(IReadOnlyList<WeightCommit> Items) : IScaleCodec<CommitQueue>
{
    public static CommitQueue Empty { get; } = new([]);

    public static CommitQueue Read(ScaleReader reader) =>
        new(reader.Vec(r => new WeightCommit(Hash256.Read(r), r.U64(), r.U64()), Hash256.Size + 16));

    public void Write(ScaleWriter writer) => writer.Vec(Items, (w, c) =>
    {
        c.Hash.Write(w);
        w.U64(c.Epoch).U64(c.Block);
    });

    public bool Equals(CommitQueue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;
}

/// <summary>One commit: the hash of the weights to reveal, the epoch and block it was made in.</summary>
public readonly record struct WeightCommit(Hash256 Hash, ulong Epoch, ulong Block);
