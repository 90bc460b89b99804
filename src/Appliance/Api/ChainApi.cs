using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.System;
using Appliance.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Appliance.Api;

/// <summary>GET /api/chain/head, GET /api/blocks/{number|hash}, GET /api/blocks?before=N&amp;count=M.</summary>
public static class ChainApi
{
    public static IEndpointRouteBuilder MapChain(this IEndpointRouteBuilder api)
    {
        api.MapGet("/chain/head", (ChainService chain) => TypedResults.Ok(ViewMapper.Head(chain.Head, chain.GenesisHash)));
        api.MapGet("/chain/issuance", Issuance);
        api.MapGet("/blocks/{id}", GetBlock);
        api.MapGet("/blocks", ListBlocks);
        return api;
    }

    private static Ok<IssuanceView> Issuance(ChainService chain) => TypedResults.Ok(ReadIssuance(chain));

    /// <summary>Total issuance beside where it sits: free balances, stake, subnet locks, emission pending until an epoch. They always add up.</summary>
    public static IssuanceView ReadIssuance(ChainService chain)
    {
        using var state = chain.OpenSnapshot();
        var free = SystemModule.Account.Iterate(state).Aggregate(0UL, (sum, a) => checked(sum + a.Value.Free.Value));
        var locked = SubnetsModule.Subnets.Iterate(state).Aggregate(0UL, (sum, s) => checked(sum + s.Value.Locked.Value));
        return new IssuanceView(
            chain.Head.Number, BalancesModule.Issuance(state).Value, free, StakingModule.Total(state).Value, locked, CoinbaseModule.TotalPending(state).Value);
    }

    private static Results<Ok<BlockView>, ProblemHttpResult> GetBlock(string id, ChainService chain)
    {
        using var connection = chain.OpenConnection();
        BlockRow? row;
        if (long.TryParse(id, out var number) && number >= 0)
        {
            row = BlockStore.ByNumber(connection, number);
        }
        else if (Hash256.TryParse(id, out var hash))
        {
            row = BlockStore.ByHash(connection, hash);
        }
        else
        {
            return ApiErrors.BadRequest("InvalidBlockId", $"'{id}' is neither a block number nor a 0x-prefixed 32-byte hash.");
        }
        return row is null
            ? ApiErrors.NotFound("BlockNotFound", $"no block {id}; the head is #{chain.Head.Number}.")
            : TypedResults.Ok(ViewMapper.Block(row, BlockStore.Extrinsics(connection, row.Number), BlockStore.Events(connection, row.Number)));
    }

    private static Results<Ok<List<BlockSummaryView>>, ProblemHttpResult> ListBlocks(ChainService chain, string? before, string? count)
    {
        if (!int.TryParse(count ?? "20", out var limit) || limit is < 1 or > 500)
        {
            return ApiErrors.BadRequest("InvalidCount", $"count must be 1 to 500, got '{count}'.");
        }
        long? upTo = null;
        if (before is not null)
        {
            if (!long.TryParse(before, out var parsed) || parsed < 1)
            {
                return ApiErrors.BadRequest("InvalidBefore", $"before must be a block number of at least 1, got '{before}'.");
            }
            upTo = parsed;
        }
        using var connection = chain.OpenConnection();
        return TypedResults.Ok(BlockStore.Recent(connection, upTo, limit)
            .Select(r => new BlockSummaryView((ulong)r.Number, new Hash256(r.Hash).ToString(), (ulong)r.Timestamp, (int)r.ExtrinsicCount))
            .ToList());
    }
}
