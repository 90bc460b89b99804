using System.Text.Json;
using System.Text.Json.Serialization;

namespace Appliance.Contracts;

/// <summary>
/// Source-generated serialisers for the API's largest answers, with <see cref="ApiJson.Options"/>' settings,
/// so they write the same bytes; the generated code writes each record's fields without reflection-built
/// converters. The metagraph's rows are written with it, one <see cref="NeuronView"/> at a time, into the
/// JSON the read side keeps per subnet and head.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MetagraphView))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
