using System.Text.Json.Nodes;

namespace Appliance.Runtime;

/// <summary>
/// An event deposited while a block executes (Substrate's frame_system events): module, name, named fields,
/// and the index of the extrinsic that raised it (null for block-level events).
/// </summary>
public sealed record RuntimeEvent(string Module, string Name, JsonObject Fields, int? ExtrinsicIndex = null);
