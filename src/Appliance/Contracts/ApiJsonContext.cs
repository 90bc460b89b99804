using System.Text.Json;
using System.Text.Json.Serialization;

namespace Appliance.Contracts;

/// <summary>
/// Source-generated serialisers for the API's largest answers, with <see cref="ApiJson.Options"/>' settings,
/// so they write the same bytes; the generated code writes each record's fields straight to the response
/// (no reflection-built converters), which is most of a 4096-uid metagraph's serialisation time.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MetagraphView))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
