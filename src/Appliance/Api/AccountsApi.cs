using Appliance.Keys;
using Appliance.Mempool;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime.Staking;
using Appliance.Runtime.System;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Appliance.Api;

/// <summary>GET /api/accounts/{ss58}: free balance, nonce, the next nonce counting pooled extrinsics, stakes.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder api)
    {
        api.MapGet("/accounts/{address}", Get);
        return api;
    }

    /// <summary>Free balance, nonce (and the next one, counting the pool), and every stake the account holds as a coldkey.</summary>
    public static AccountView Read(ChainService chain, TransactionPool pool, AccountId account)
    {
        using var state = chain.OpenSnapshot();
        var info = SystemModule.GetAccount(state, account);
        var stakes = StakingModule.Stake.Iterate(state)
            .Where(s => s.Key.Coldkey == account)
            .Select(s => new StakeView(s.Key.Hotkey.Address, s.Key.NetUid.Value, s.Value.Value))
            .ToList();
        return new AccountView(account.Address, info.Free.Value, info.Nonce, pool.NextNonce(account, info.Nonce), stakes);
    }

    private static Results<Ok<AccountView>, ProblemHttpResult> Get(string address, ChainService chain, TransactionPool pool)
    {
        if (!Ss58.TryDecode(address, out var bytes, out _, out var error))
        {
            return ApiErrors.BadRequest("InvalidAddress", error!);
        }
        return TypedResults.Ok(Read(chain, pool, new AccountId(bytes)));
    }
}
