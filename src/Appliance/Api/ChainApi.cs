using Appliance.Contracts;
using Appliance.Primitives;
using Appliance.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Appliance.Api;

/// <summary>GET /api/chain/head, /api/chain/issuance, /api/blocks/{number|hash}, /api/blocks?before=N&amp;count=M.</summary>
public static class ChainApi
{
    public static IEndpointRouteBuilder MapChain(this IEndpointRouteBuilder api)
    {
        api.MapGet(ApiRoutes.Head, (ChainQueries queries) => TypedResults.Ok(queries.Head()));
        api.MapGet(ApiRoutes.Issuance, (ChainQueries queries) => TypedResults.Ok(queries.Issuance()));
        api.MapGet(ApiRoutes.Block, GetBlock);
        api.MapGet(ApiRoutes.Blocks, ListBlocks);
        return api;
    }

    private static Results<Ok<BlockView>, ProblemHttpResult> GetBlock(string id, ChainQueries queries)
    {
        BlockView? block;
        if (long.TryParse(id, out var number) && number >= 0)
        {
            block = queries.Block((ulong)number);
        }
        else if (Hash256.TryParse(id, out var hash))
        {
            block = queries.Block(hash);
        }
        else
        {
            return ApiErrors.BadRequest("InvalidBlockId", $"'{id}' is neither a block number nor a 0x-prefixed 32-byte hash.");
        }
        return block is null
            ? ApiErrors.NotFound("BlockNotFound", $"no block {id}; the head is #{queries.Head().Number}.")
            : TypedResults.Ok(block);
    }

    private static Results<Ok<IReadOnlyList<BlockSummaryView>>, ProblemHttpResult> ListBlocks(ChainQueries queries, string? before, string? count)
    {
        if (!int.TryParse(count ?? "20", out var limit) || limit is < 1 or > 500)
        {
            return ApiErrors.BadRequest("InvalidCount", $"count must be 1 to 500, got '{count}'.");
        }
        ulong? upTo = null;
        if (before is not null)
        {
            if (!ulong.TryParse(before, out var parsed) || parsed < 1)
            {
                return ApiErrors.BadRequest("InvalidBefore", $"before must be a block number of at least 1, got '{before}'.");
            }
            upTo = parsed;
        }
        return TypedResults.Ok(queries.RecentBlocks(upTo, limit));
    }
}
