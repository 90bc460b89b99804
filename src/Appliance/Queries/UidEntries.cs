namespace Appliance.Queries;

/// <summary>
/// The stored entries one uid's metagraph row is built from, as bytes: its neuron, and its hotkey's total
/// stake, axon and owner (null where there is none).
/// </summary>
internal readonly record struct UidEntries(byte[] Neuron, byte[]? Stake, byte[]? Axon, byte[]? Owner)
{
    /// <summary>Byte for byte the same entries (the record's own equality compares the arrays' identity).</summary>
    public bool SameAs(UidEntries other) =>
        Same(Neuron, other.Neuron) && Same(Stake, other.Stake) && Same(Axon, other.Axon) && Same(Owner, other.Owner);

    public static bool Same(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
