using System.Text.Json;

namespace Appliance.Contracts;

/// <summary>The API's JSON: snake_case names on the wire, for the server's answers and the client's reads alike.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
