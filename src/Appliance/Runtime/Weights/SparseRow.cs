using Appliance.Scale;

namespace Appliance.Runtime.Weights;

/// <summary>A weights or bonds row: (uid, u16) pairs as subtensor stores them; an explicit 0 entry is kept.</summary>
public sealed record SparseRow(IReadOnlyList<(ushort Uid, ushort Value)> Entries) : IScaleCodec<SparseRow>
{
    public static SparseRow Empty { get; } = new([]);

    public static SparseRow Read(ScaleReader reader) => new(reader.Vec(r => (r.U16(), r.U16()), 4));

    public void Write(ScaleWriter writer) => writer.Vec(Entries, (w, e) => w.U16(e.Uid).U16(e.Value));

    public bool Equals(SparseRow? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override int GetHashCode() => Entries.Count;
}
