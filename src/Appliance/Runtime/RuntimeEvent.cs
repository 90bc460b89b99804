using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Appliance.Runtime;

/// <summary>Writes an event's fields, as properties of the object <see cref="RuntimeEvent.WriteFields"/> opens.</summary>
public delegate void FieldsWriter(Utf8JsonWriter writer);

/// <summary>
/// An event deposited while a block executes (Substrate's frame_system events): module, name, named fields,
/// and the index of the extrinsic that raised it (null for block-level events). Fields given as a writer
/// are written only when the event is stored: admission's dry run drops its events unwritten, and a block's
/// are written straight into their rows' JSON on the cores that prepare them, with no JSON nodes in between.
/// </summary>
public sealed class RuntimeEvent
{
    private readonly FieldsWriter? _write;
    private JsonObject? _fields;

    public RuntimeEvent(string module, string name, JsonObject fields, int? extrinsicIndex = null)
        : this(module, name, extrinsicIndex) => _fields = fields;

    public RuntimeEvent(string module, string name, FieldsWriter write, int? extrinsicIndex = null)
        : this(module, name, extrinsicIndex) => _write = write;

    private RuntimeEvent(string module, string name, int? extrinsicIndex) => (Module, Name, ExtrinsicIndex) = (module, name, extrinsicIndex);

    public string Module { get; }

    public string Name { get; }

    public int? ExtrinsicIndex { get; }

    /// <summary>The fields as JSON nodes, made once from the writer; readers on several threads all get the first.</summary>
    public JsonObject Fields
    {
        get
        {
            if (_fields is null)
            {
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    WriteFields(writer);
                }
                Interlocked.CompareExchange(ref _fields, JsonNode.Parse(buffer.WrittenSpan)!.AsObject(), null);
            }
            return _fields;
        }
    }

    /// <summary>Writes the fields as one JSON object: the bytes <see cref="Fields"/> would write.</summary>
    public void WriteFields(Utf8JsonWriter writer)
    {
        if (_write is null)
        {
            Fields.WriteTo(writer);
            return;
        }
        writer.WriteStartObject();
        _write(writer);
        writer.WriteEndObject();
    }
}
