namespace Appliance.ApiClient;

/// <summary>
/// The node (or the way to it) refused a request: the API's error code (subtensor's names for runtime
/// errors, NodeUnreachable, BadNodeResponse …) and what happened. Printed as one line "Code: detail".
/// </summary>
public sealed class ClientError(string code, string detail) : Exception($"{code}: {detail}")
{
    public string Code { get; } = code;

    public string Detail { get; } = detail;
}
