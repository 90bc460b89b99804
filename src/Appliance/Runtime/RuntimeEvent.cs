using System.Text.Json.Nodes;

namespace Appliance.Runtime;

/// <summary>
/// An event deposited while a block executes (Substrate's frame_system events): module, name, named fields,
/// and the index of the extrinsic that raised it (null for block-level events). Fields given as a function
/// are described when first read: admission's dry run drops its events unread, so a transfer's addresses
/// are SS58-encoded only for the block that keeps them, and then on the cores that write its rows.
/// </summary>
public sealed class RuntimeEvent
{
    private readonly Func<JsonObject>? _describe;
    private JsonObject? _fields;

    public RuntimeEvent(string module, string name, JsonObject fields, int? extrinsicIndex = null)
        : this(module, name, extrinsicIndex) => _fields = fields;

    public RuntimeEvent(string module, string name, Func<JsonObject> describe, int? extrinsicIndex = null)
        : this(module, name, extrinsicIndex) => _describe = describe;

    private RuntimeEvent(string module, string name, int? extrinsicIndex) => (Module, Name, ExtrinsicIndex) = (module, name, extrinsicIndex);

    public string Module { get; }

    public string Name { get; }

    public int? ExtrinsicIndex { get; }

    /// <summary>The fields, described once; readers on several threads all get the first description.</summary>
    public JsonObject Fields
    {
        get
        {
            if (_fields is null)
            {
                Interlocked.CompareExchange(ref _fields, _describe!(), null);
            }
            return _fields;
        }
    }
}
