using Appliance.Contracts;
using Appliance.Keys;
using Appliance.Primitives;
using Appliance.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Appliance.Api;

/// <summary>
/// GET /api/accounts/{ss58}: free balance, nonce, the next nonce counting pooled extrinsics, stakes;
/// GET /api/accounts/{ss58}/pending: its pooled extrinsics in nonce order, so a client can check a new one
/// against the state they will leave.
/// </summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder api)
    {
        api.MapGet(ApiRoutes.Account, Get);
        api.MapGet(ApiRoutes.AccountPending, Pending);
        return api;
    }

    private static Results<Ok<AccountView>, ProblemHttpResult> Get(string address, ChainQueries queries)
    {
        if (!Ss58.TryDecode(address, out var bytes, out _, out var error))
        {
            return ApiErrors.BadRequest("InvalidAddress", error!);
        }
        return TypedResults.Ok(queries.Account(new AccountId(bytes)));
    }

    private static Results<Ok<IReadOnlyList<PendingExtrinsicView>>, ProblemHttpResult> Pending(string address, ChainQueries queries)
    {
        if (!Ss58.TryDecode(address, out var bytes, out _, out var error))
        {
            return ApiErrors.BadRequest("InvalidAddress", error!);
        }
        return TypedResults.Ok(queries.Pending(new AccountId(bytes)));
    }
}
