using Appliance.Contracts;

namespace Appliance.Api;

public static class ApiEndpoints
{
    /// <summary>Every resource of the node's HTTP API under /api.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(ApiRoutes.Prefix);
        api.MapChain();
        api.MapExtrinsics();
        api.MapAccounts();
        api.MapHotkeys();
        api.MapSubnets();
        api.MapEvents();
        return endpoints;
    }
}
