using Appliance.Chain;
using Appliance.Chain.Genesis;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Mempool;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.System;
using Appliance.Storage;

namespace Appliance.Tests.Support;

/// <summary>
/// A real chain on a real SQLite file in a temp folder, with a pool; blocks are sealed on demand so tests
/// control time. After every sealed block the issuance invariant is checked.
/// </summary>
public sealed class TestChain : IDisposable
{
    private readonly TempDirectory _temp = new();
    private ulong _clock = 1_700_000_000_000;

    public TestChain(GenesisConfig? genesis = null)
    {
        Genesis = genesis ?? GenesisConfig.Development();
        Alice = DevAccounts.Alice();
        Chain = new ChainService(ChainDatabase.InDataDirectory(_temp.Path), Genesis, Alice);
        Pool = new TransactionPool(Chain, new MempoolOptions());
    }

    public GenesisConfig Genesis { get; }

    public Ed25519KeyPair Alice { get; }

    public ChainService Chain { get; }

    public TransactionPool Pool { get; }

    public string DataDir => _temp.Path;

    public static Ed25519KeyPair Key(string uri) => DevAccounts.FromUri(uri);

    public static AccountId Id(Ed25519KeyPair key) => new(key.PublicKey);

    public SignedExtrinsic Sign(Ed25519KeyPair signer, RuntimeCall call, ulong? nonce = null, Rao? tip = null)
    {
        using var state = Chain.OpenSnapshot();
        var next = nonce ?? Pool.NextNonce(Id(signer), SystemModule.GetAccount(state, Id(signer)).Nonce);
        return SignedExtrinsic.Create(signer, call, next, tip ?? Rao.Zero, Chain.GenesisHash, RuntimeVersion.SpecVersion);
    }

    public AdmissionResult Submit(Ed25519KeyPair signer, RuntimeCall call, ulong? nonce = null, Rao? tip = null) =>
        Pool.Submit(Sign(signer, call, nonce, tip).Encoded);

    public SealedBlock Seal()
    {
        _clock += 1000;
        var (block, rejected) = Chain.ProduceBlock(_clock, Pool.SelectForBlock);
        using (var state = Chain.OpenSnapshot())
        {
            Pool.Prune(state, rejected.Where(r => r.Reason.Code != ValidityErrorCode.FutureNonce).Select(r => r.Extrinsic));
        }
        AssertIssuanceInvariant();
        return block;
    }

    public AccountInfo Account(Ed25519KeyPair key)
    {
        using var state = Chain.OpenSnapshot();
        return SystemModule.GetAccount(state, Id(key));
    }

    public Rao Issuance()
    {
        using var state = Chain.OpenSnapshot();
        return BalancesModule.Issuance(state);
    }

    /// <summary>Every rao is somewhere: free balances, stakes, subnet locks and pending emission add up to total issuance.</summary>
    public void AssertIssuanceInvariant()
    {
        using var state = Chain.OpenSnapshot();
        var free = SystemModule.Account.Iterate(state).Aggregate(Rao.Zero, (total, entry) => total + entry.Value.Free);
        var staked = StakingModule.Stake.Iterate(state).Aggregate(Rao.Zero, (total, entry) => total + entry.Value);
        var locked = SubnetsModule.Subnets.Iterate(state).Aggregate(Rao.Zero, (total, entry) => total + entry.Value.Locked);
        Assert.Equal(StakingModule.Total(state), staked);
        Assert.Equal(BalancesModule.Issuance(state), free + staked + locked + CoinbaseModule.TotalPending(state));
    }

    public void Dispose()
    {
        Chain.Dispose();
        Alice.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
