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
using Appliance.Runtime.Pools;
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
            Pool.Prune(state, block.Extrinsics.Select(r => r.Extrinsic), rejected.Where(r => r.Reason.Code != ValidityErrorCode.FutureNonce).Select(r => r.Extrinsic));
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

    /// <summary>
    /// Every rao is somewhere. Classic: free balances, stakes, subnet locks and pending emission add up to total
    /// issuance. Dynamic: free balances and the pools' TAO (root's being its stake) add up to issuance, and each
    /// subnet's alpha outside its pool is exactly its stakes, pending pots, protocol alpha and burned alpha.
    /// </summary>
    public void AssertIssuanceInvariant()
    {
        using var state = Chain.OpenSnapshot();
        var free = SystemModule.Account.Iterate(state).Aggregate(Rao.Zero, (total, entry) => total + entry.Value.Free);
        var stakes = StakingModule.Stake.Iterate(state).ToList();
        var hotkeyTotals = StakingModule.TotalHotkeyStake.Iterate(state).ToList();
        foreach (var netuid in stakes.Select(s => s.Key.NetUid).Concat(hotkeyTotals.Select(h => h.Key.NetUid)).Distinct())
        {
            Assert.Equal(Sum(stakes.Where(s => s.Key.NetUid == netuid).Select(s => s.Value)), Sum(hotkeyTotals.Where(h => h.Key.NetUid == netuid).Select(h => h.Value)));
        }
        if (!EmissionModels.IsDynamic(state))
        {
            var staked = Sum(stakes.Select(s => s.Value));
            var locked = SubnetsModule.Subnets.Iterate(state).Aggregate(Rao.Zero, (total, entry) => total + entry.Value.Locked);
            Assert.Equal(StakingModule.Total(state), staked);
            Assert.Equal(BalancesModule.Issuance(state), free + staked + locked + CoinbaseModule.TotalPending(state));
            return;
        }
        var pools = SubnetPools.SubnetTao.Iterate(state).ToList();
        Assert.Equal(BalancesModule.Issuance(state), free + Sum(pools.Select(p => p.Value)));
        Assert.Equal(SubnetPools.SubnetTao.GetOrDefault(state, SubnetPools.Root, Rao.Zero), Sum(stakes.Where(s => s.Key.NetUid == SubnetPools.Root).Select(s => s.Value)));
        foreach (var netuid in SubnetsModule.AllSubnets(state))
        {
            var held = Sum(stakes.Where(s => s.Key.NetUid == netuid).Select(s => s.Value))
                + DynamicCoinbase.Pending(state, DynamicCoinbase.PendingServer, netuid) + DynamicCoinbase.Pending(state, DynamicCoinbase.PendingValidator, netuid)
                + DynamicCoinbase.Pending(state, DynamicCoinbase.PendingRootAlpha, netuid) + DynamicCoinbase.Pending(state, DynamicCoinbase.PendingOwnerCut, netuid)
                + SubnetPools.ProtocolAlpha.GetOrDefault(state, netuid, Rao.Zero) + SubnetPools.BurnedAlpha.GetOrDefault(state, netuid, Rao.Zero);
            Assert.Equal(SubnetPools.AlphaOut(state, netuid), held);
        }
    }

    private static Rao Sum(IEnumerable<Rao> amounts) => amounts.Aggregate(Rao.Zero, (total, amount) => total + amount);

    public void Dispose()
    {
        Chain.Dispose();
        Alice.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _temp.Dispose();
    }
}
