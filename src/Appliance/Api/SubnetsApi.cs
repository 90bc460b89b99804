using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Appliance.Api;

/// <summary>GET /api/subnets, /api/subnets/{netuid}, …/metagraph, …/hyperparameters, …/neurons/{uid}.</summary>
public static class SubnetsApi
{
    public static IEndpointRouteBuilder MapSubnets(this IEndpointRouteBuilder api)
    {
        api.MapGet("/subnets", List);
        api.MapGet("/subnets/{netuid}", (string netuid, ChainService chain) => WithSubnet(chain, netuid, (state, id, block) =>
            Metagraph.Subnet(state, id, block, SubnetsModule.AllSubnets(state).Count())));
        api.MapGet("/subnets/{netuid}/metagraph", (string netuid, ChainService chain) => WithSubnet(chain, netuid, Metagraph.Read));
        api.MapGet("/subnets/{netuid}/hyperparameters", (string netuid, ChainService chain) => WithSubnet(chain, netuid, (state, id, _) =>
            Hyperparameters.All.ToDictionary(h => h.Name, h => h.Display(Hyperparameters.Get(state, id, h)))));
        api.MapGet("/subnets/{netuid}/neurons/{uid}", Neuron);
        return api;
    }

    private static Ok<List<SubnetView>> List(ChainService chain)
    {
        using var state = chain.OpenSnapshot();
        var subnets = SubnetsModule.AllSubnets(state).ToList();
        return TypedResults.Ok(subnets.Select(n => Metagraph.Subnet(state, n, chain.Head.Number, subnets.Count)).ToList());
    }

    private static Results<Ok<NeuronDetailView>, ProblemHttpResult> Neuron(string netuid, string uid, ChainService chain)
    {
        if (!ushort.TryParse(uid, out var parsed))
        {
            return ApiErrors.BadRequest("InvalidUid", $"'{uid}' is not a uid (0 to 65535).");
        }
        using var state = chain.OpenSnapshot();
        if (Parse(state, netuid) is { } problem)
        {
            return problem;
        }
        var id = new NetUid(ushort.Parse(netuid));
        return parsed < SubnetsModule.Count(state, id)
            ? TypedResults.Ok(Metagraph.Detail(state, id, new Uid(parsed)))
            : ApiErrors.NotFound("UidNotFound", $"subnet {netuid} has {SubnetsModule.Count(state, id)} uids; there is no uid {parsed}.");
    }

    private static Results<Ok<T>, ProblemHttpResult> WithSubnet<T>(ChainService chain, string netuid, Func<Appliance.State.IStateReader, NetUid, ulong, T> read)
    {
        using var state = chain.OpenSnapshot();
        return Parse(state, netuid) is { } problem ? problem : TypedResults.Ok(read(state, new NetUid(ushort.Parse(netuid)), chain.Head.Number));
    }

    private static ProblemHttpResult? Parse(Appliance.State.IStateReader state, string netuid)
    {
        if (!ushort.TryParse(netuid, out var id))
        {
            return ApiErrors.BadRequest("InvalidNetuid", $"'{netuid}' is not a netuid (1 to 65535).");
        }
        return SubnetsModule.Exists(state, new NetUid(id)) ? null : ApiErrors.NotFound("SubNetworkDoesNotExist", $"there is no subnet {id}.");
    }
}
