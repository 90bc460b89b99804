namespace Appliance.Queries;

/// <summary>
/// The API's metagraph JSON in two parts that read as one document: <paramref name="Head"/> is
/// <c>{"netuid":…,"block":…,"neurons":</c> and <paramref name="Neurons"/> the rest, the neurons array and the
/// closing brace. Heads between two epochs share one neurons part, so a new block costs a few bytes, not a copy
/// of every row.
/// </summary>
public readonly record struct MetagraphDocument(ReadOnlyMemory<byte> Head, ReadOnlyMemory<byte> Neurons)
{
    public long Length => Head.Length + Neurons.Length;
}
