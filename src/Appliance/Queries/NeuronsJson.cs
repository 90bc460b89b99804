using System.Buffers;
using System.Text.Json;
using Appliance.Contracts;

namespace Appliance.Queries;

/// <summary>
/// The neurons part of a metagraph's JSON (<see cref="MetagraphDocument.Neurons"/>), written once when first
/// asked for and shared by every head whose rows are these. Each uid's row is remembered, so that the next
/// metagraph with changed rows copies the rest instead of serialising them again.
/// </summary>
internal sealed class NeuronsJson(IReadOnlyList<NeuronView> views, ReadOnlyMemory<byte>[] rows)
{
    private readonly Lock _gate = new();
    private ReadOnlyMemory<byte>? _written;

    public ReadOnlyMemory<byte> Bytes
    {
        get
        {
            lock (_gate)
            {
                return _written ??= Write();
            }
        }
    }

    /// <summary>Each uid's row as far as it is written (empty where not yet).</summary>
    public ReadOnlyMemory<byte>[] Rows()
    {
        lock (_gate)
        {
            return (ReadOnlyMemory<byte>[])rows.Clone();
        }
    }

    /// <summary>
    /// The array and the document's closing brace, each row copied from its kept JSON or serialised afresh;
    /// every row then points into these bytes, so that older ones are not held.
    /// </summary>
    private ReadOnlyMemory<byte> Write()
    {
        var ranges = new Range[rows.Length];
        var buffer = new ArrayBufferWriter<byte>(Math.Max(rows.Sum(j => j.Length + 1), 1 << 16) + 64);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartArray();
            for (var uid = 0; uid < rows.Length; uid++)
            {
                // Every element but the first starts after its comma.
                var start = Position(writer) + (uid == 0 ? 0 : 1);
                if (rows[uid].IsEmpty)
                {
                    JsonSerializer.Serialize(writer, views[uid], ApiJsonContext.Default.NeuronView);
                }
                else
                {
                    writer.WriteRawValue(rows[uid].Span, skipInputValidation: true);
                }
                ranges[uid] = start..Position(writer);
            }
            writer.WriteEndArray();
        }
        buffer.Write("}"u8);
        var written = buffer.WrittenMemory;
        for (var uid = 0; uid < ranges.Length; uid++)
        {
            rows[uid] = written[ranges[uid]];
        }
        return written;
    }

    private static int Position(Utf8JsonWriter writer) => checked((int)(writer.BytesCommitted + writer.BytesPending));
}
