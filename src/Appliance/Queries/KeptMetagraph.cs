using System.Buffers;
using System.Text.Json;
using Appliance.Contracts;
using Appliance.Runtime.Subnets;

namespace Appliance.Queries;

/// <summary>
/// A subnet's metagraph as read at one head: the view, what each uid's row was built from (its stored
/// entries, and its neuron decoded) and, once asked for, the JSON the API serves, byte for byte what
/// System.Text.Json writes for the view. Each uid's part of the JSON is remembered, so that the next head's
/// metagraph copies those of the uids whose entries did not change instead of serialising them again.
/// </summary>
internal sealed class KeptMetagraph(long head, byte[] hash, MetagraphView view, UidEntries[] entries, NeuronState[] neurons, ReadOnlyMemory<byte>[] neuronJson)
{
    private readonly Lock _gate = new();
    private ReadOnlyMemory<byte>? _json;

    public MetagraphView View => view;

    public UidEntries[] Entries => entries;

    public NeuronState[] Neurons => neurons;

    public bool IsAt(long number, ReadOnlySpan<byte> blockHash) => head == number && blockHash.SequenceEqual(hash);

    public ReadOnlyMemory<byte> Json
    {
        get
        {
            lock (_gate)
            {
                return _json ??= Write();
            }
        }
    }

    /// <summary>Each uid's JSON as far as it is written (empty where not yet).</summary>
    public ReadOnlyMemory<byte>[] NeuronJson()
    {
        lock (_gate)
        {
            return (ReadOnlyMemory<byte>[])neuronJson.Clone();
        }
    }

    /// <summary>The same metagraph at a later head whose block wrote none of its entries.</summary>
    public KeptMetagraph At(long number, byte[] blockHash) =>
        new(number, blockHash, view with { Block = (ulong)number }, entries, neurons, NeuronJson());

    /// <summary>
    /// The document, each neuron copied from its kept JSON or serialised afresh; every uid's JSON then points
    /// into this document, so that older documents are not held.
    /// </summary>
    private ReadOnlyMemory<byte> Write()
    {
        var ranges = new Range[neuronJson.Length];
        var buffer = new ArrayBufferWriter<byte>(Math.Max(neuronJson.Sum(j => j.Length + 1), 1 << 16) + 64);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            // The property names are MetagraphView's in snake case; MetagraphJsonTests compares the whole with the serialiser's.
            writer.WriteStartObject();
            writer.WriteNumber("netuid", view.Netuid);
            writer.WriteNumber("block", view.Block);
            writer.WriteStartArray("neurons");
            for (var uid = 0; uid < neuronJson.Length; uid++)
            {
                // Every element but the first starts after its comma.
                var start = Written(writer) + (uid == 0 ? 0 : 1);
                if (neuronJson[uid].IsEmpty)
                {
                    JsonSerializer.Serialize(writer, view.Neurons[uid], ApiJsonContext.Default.NeuronView);
                }
                else
                {
                    writer.WriteRawValue(neuronJson[uid].Span, skipInputValidation: true);
                }
                ranges[uid] = start..Written(writer);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        var document = buffer.WrittenMemory;
        for (var uid = 0; uid < ranges.Length; uid++)
        {
            neuronJson[uid] = document[ranges[uid]];
        }
        return document;
    }

    private static int Written(Utf8JsonWriter writer) => checked((int)(writer.BytesCommitted + writer.BytesPending));
}
