using Appliance.Contracts;
using Appliance.Keys;
using Appliance.Primitives;
using Appliance.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Appliance.Api;

/// <summary>
/// GET /api/hotkeys/{ss58}/neurons: the hotkey's uid in each subnet it is registered in; …/commits: its
/// unrevealed weight commits, oldest first per subnet (empty lists when none).
/// </summary>
public static class HotkeysApi
{
    public static IEndpointRouteBuilder MapHotkeys(this IEndpointRouteBuilder api)
    {
        api.MapGet(ApiRoutes.HotkeyNeurons, Neurons);
        api.MapGet(ApiRoutes.HotkeyCommits, Commits);
        return api;
    }

    private static Results<Ok<IReadOnlyList<WeightCommitView>>, ProblemHttpResult> Commits(string address, ChainQueries queries) =>
        Ss58.TryDecode(address, out var bytes, out _, out var error)
            ? TypedResults.Ok(queries.CommitsOf(new AccountId(bytes)))
            : ApiErrors.BadRequest("InvalidAddress", error!);

    private static Results<Ok<IReadOnlyList<HotkeyNeuronView>>, ProblemHttpResult> Neurons(string address, ChainQueries queries)
    {
        if (!Ss58.TryDecode(address, out var bytes, out _, out var error))
        {
            return ApiErrors.BadRequest("InvalidAddress", error!);
        }
        return TypedResults.Ok(queries.NeuronsOf(new AccountId(bytes)));
    }
}
