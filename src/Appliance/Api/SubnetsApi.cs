using Appliance.Contracts;
using Appliance.Primitives;
using Appliance.Queries;
using Appliance.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Appliance.Api;

/// <summary>GET /api/subnets, /api/subnets/{netuid}, …/metagraph, …/hyperparameters, …/neurons/{uid}, …/prices?count=N.</summary>
public static class SubnetsApi
{
    public static IEndpointRouteBuilder MapSubnets(this IEndpointRouteBuilder api)
    {
        api.MapGet(ApiRoutes.Subnets, (ChainQueries queries) => TypedResults.Ok(queries.Subnets()));
        api.MapGet(ApiRoutes.Subnet, (string netuid, ChainQueries queries) => Found(netuid, queries.Subnet));
        api.MapGet(ApiRoutes.Metagraph, Metagraph);
        api.MapGet(ApiRoutes.Hyperparameters, (string netuid, ChainQueries queries) =>
            Found(netuid, id => queries.Hyperparameters(id)?.ToDictionary(h => h.Parameter.Name, h => h.Value)));
        api.MapGet(ApiRoutes.Neuron, Neuron);
        api.MapGet(ApiRoutes.SubnetPrices, Prices);
        return api;
    }

    /// <summary>The pool's price and emission over the subnet's last <c>count</c> blocks of emission (default 100), oldest first.</summary>
    private static Results<Ok<IReadOnlyList<PricePointView>>, ProblemHttpResult> Prices(string netuid, string? count, ChainQueries queries)
    {
        if (ParseNetuid(netuid) is not { } id)
        {
            return InvalidNetuid(netuid);
        }
        if (!int.TryParse(count ?? "100", out var limit) || limit is < 1 or > 10_000)
        {
            return ApiErrors.BadRequest("InvalidCount", $"count must be 1 to 10000, got '{count}'.");
        }
        return queries.UidCount(id) is null ? NoSubnet(id) : TypedResults.Ok(queries.Prices(id, limit));
    }

    /// <summary>
    /// The whole metagraph as the JSON kept with it (<see cref="ChainQueries.MetagraphJson"/>): the bytes a
    /// serialiser would write for the view, written once per head (its neurons once per change) instead of once per request.
    /// </summary>
    private static Results<MetagraphDocumentResult, ProblemHttpResult> Metagraph(string netuid, ChainQueries queries)
    {
        if (ParseNetuid(netuid) is not { } id)
        {
            return InvalidNetuid(netuid);
        }
        return queries.MetagraphJson(id) is { } json ? new MetagraphDocumentResult(json) : NoSubnet(id);
    }

    private static Results<Ok<NeuronDetailView>, ProblemHttpResult> Neuron(string netuid, string uid, ChainQueries queries)
    {
        if (!ushort.TryParse(uid, out var parsed))
        {
            return ApiErrors.BadRequest("InvalidUid", $"'{uid}' is not a uid (0 to 65535).");
        }
        if (ParseNetuid(netuid) is not { } id)
        {
            return InvalidNetuid(netuid);
        }
        if (queries.UidCount(id) is not { } count)
        {
            return NoSubnet(id);
        }
        return queries.Neuron(id, new Uid(parsed)) is { } neuron
            ? TypedResults.Ok(neuron)
            : ApiErrors.NotFound("UidNotFound", $"subnet {id} has {count} uids; there is no uid {parsed}.");
    }

    private static Results<Ok<T>, ProblemHttpResult> Found<T>(string netuid, Func<NetUid, T?> read) where T : class
    {
        if (ParseNetuid(netuid) is not { } id)
        {
            return InvalidNetuid(netuid);
        }
        return read(id) is { } found ? TypedResults.Ok(found) : NoSubnet(id);
    }

    private static NetUid? ParseNetuid(string netuid) => ushort.TryParse(netuid, out var id) ? new NetUid(id) : null;

    private static ProblemHttpResult InvalidNetuid(string netuid) => ApiErrors.BadRequest("InvalidNetuid", $"'{netuid}' is not a netuid (1 to 65535).");

    private static ProblemHttpResult NoSubnet(NetUid netuid) => ApiErrors.NotFound(nameof(DispatchErrorCode.SubNetworkDoesNotExist), $"there is no subnet {netuid}.");
}
