using System.Buffers;
using System.Text.Json;
using Appliance.Contracts;
using Appliance.Runtime.Subnets;

namespace Appliance.Queries;

/// <summary>
/// A subnet's metagraph as read at one head: the view, what each uid's row was built from (its stored
/// entries, and its neuron decoded) and, once asked for, the JSON the API serves, byte for byte what
/// System.Text.Json writes for the view. A later head whose block wrote none of its entries shares its
/// neurons' JSON (<see cref="NeuronsJson"/>); only the document's head, which names the block, is its own.
/// </summary>
internal sealed class KeptMetagraph(long head, byte[] hash, MetagraphView view, UidEntries[] entries, NeuronState[] neurons, NeuronsJson neuronsJson)
{
    private readonly Lock _gate = new();
    private ReadOnlyMemory<byte>? _documentHead;

    public MetagraphView View => view;

    public UidEntries[] Entries => entries;

    public NeuronState[] Neurons => neurons;

    public NeuronsJson NeuronsJson => neuronsJson;

    public bool IsAt(long number, ReadOnlySpan<byte> blockHash) => head == number && blockHash.SequenceEqual(hash);

    public MetagraphDocument Json
    {
        get
        {
            lock (_gate)
            {
                _documentHead ??= WriteHead();
            }
            return new MetagraphDocument(_documentHead.Value, neuronsJson.Bytes);
        }
    }

    /// <summary>The same metagraph at a later head whose block wrote none of its entries.</summary>
    public KeptMetagraph At(long number, byte[] blockHash) =>
        new(number, blockHash, view with { Block = (ulong)number }, entries, neurons, neuronsJson);

    /// <summary>
    /// The document up to the neurons array; the property names are MetagraphView's in snake case
    /// (MetagraphJsonTests compares the whole with the serialiser's).
    /// </summary>
    private ReadOnlyMemory<byte> WriteHead()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("netuid", view.Netuid);
            writer.WriteNumber("block", view.Block);
            writer.WritePropertyName("neurons");
        }
        return buffer.WrittenMemory;
    }
}
