using System.Text.Json.Nodes;
using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Coinbase;

/// <summary>
/// The dynamic chain's coinbase, every block (subtensor's run_coinbase, commit named in docs/consensus.md):
/// the block's TAO emission is split across started subnets by <see cref="EmissionShares"/>; each subnet's
/// share is injected into its pool with alpha at the pool's price, as far as root's proportion of the subnet
/// allows, and the rest buys alpha for the protocol (no fee). Each subnet also mints its own alpha emission
/// (halving on its alpha issuance) outside the pool: 18 % to the owner, half of the rest to miners, the other
/// half to validators less root's proportion, which root stakers earn when the sum of moving prices is above
/// 1 and is recycled otherwise. The pots are paid at the subnet's epoch (<see cref="DynamicEpochPayout"/>).
/// Only TAO actually injected or spent is minted; floor remainders of alpha are kept as burned alpha, so
/// every rao of TAO and of each alpha is accounted for after every block.
/// </summary>
public static class DynamicCoinbase
{
    public static readonly StorageMap<NetUid, Rao> PendingServer = new(SubnetsModule.Name, "PendingServerEmission");
    public static readonly StorageMap<NetUid, Rao> PendingValidator = new(SubnetsModule.Name, "PendingValidatorEmission");
    public static readonly StorageMap<NetUid, Rao> PendingRootAlpha = new(SubnetsModule.Name, "PendingRootAlphaDivs");
    public static readonly StorageMap<NetUid, Rao> PendingOwnerCut = new(SubnetsModule.Name, "PendingOwnerCut");

    /// <summary>Last block's TAO into the pool, TAO spent on the protocol's buy, alpha into the pool and alpha minted outside it.</summary>
    public static readonly StorageMap<NetUid, Rao> TaoInEmission = new(SubnetsModule.Name, "SubnetTaoInEmission");
    public static readonly StorageMap<NetUid, Rao> ExcessTao = new(SubnetsModule.Name, "SubnetExcessTao");
    public static readonly StorageMap<NetUid, Rao> AlphaInEmission = new(SubnetsModule.Name, "SubnetAlphaInEmission");
    public static readonly StorageMap<NetUid, Rao> AlphaOutEmission = new(SubnetsModule.Name, "SubnetAlphaOutEmission");

    private static readonly U96F32 Half = new(UInt128.One << 31);

    public static Rao Pending(IStateReader state, StorageMap<NetUid, Rao> pot, NetUid netuid) => pot.GetOrDefault(state, netuid, Rao.Zero);

    /// <summary>The subnets that emit: started (start_call) and open to registration.</summary>
    public static List<NetUid> Emitting(IStateReader state, IEnumerable<NetUid> subnets) =>
        subnets.Where(n => SubnetPools.Started(state, n) && Hyperparameters.Get(state, n, Hyperparameters.RegistrationAllowed) != 0).ToList();

    /// <summary>root_proportion: root's stake × TaoWeight over that plus the subnet's alpha issuance.</summary>
    public static U96F32 RootProportion(IStateReader state, NetUid netuid)
    {
        var root = U96F32.FromU64(SubnetPools.SubnetTao.GetOrDefault(state, SubnetPools.Root, Rao.Zero).Value) * SubnetPools.TaoWeight(state);
        return root.CheckedDiv(root + U96F32.FromU64(SubnetPools.AlphaIssuance(state, netuid).Value)) ?? U96F32.Zero;
    }

    public static void RunBlock(StateOverlay state, ulong block, IReadOnlyList<NetUid> subnets, List<RuntimeEvent> events)
    {
        var emitting = Emitting(state, subnets);
        if (emitting.Count == 0)
        {
            return;
        }
        var emission = BlockEmission.ForIssuance(BalancesModule.Issuance(state));
        var shares = EmissionShares.Of(state, emitting);
        var rootSells = emitting.Aggregate(U64F64.Zero, (sum, n) => sum + SubnetPools.MovingPriceOf(state, n)) > U64F64.One;

        var terms = emitting.Select(n => Terms(state, n, (U64F64.FromU64(emission.Value) * shares[n]).ToU96F32())).ToList();
        var minted = 0UL;
        for (var i = 0; i < emitting.Count; i++)
        {
            minted += Inject(state, emitting[i], terms[i]);
        }
        if (minted > 0)
        {
            BalancesModule.TotalIssuance.Set(state, BalancesModule.Issuance(state) + new Rao(minted));
        }
        var recycled = new ulong[emitting.Count];
        for (var i = 0; i < emitting.Count; i++)
        {
            recycled[i] = EmitAlpha(state, emitting[i], terms[i].AlphaOut, rootSells);
        }
        foreach (var netuid in emitting)
        {
            MovingPrices.Update(state, netuid, block);
        }
        for (var i = 0; i < emitting.Count; i++)
        {
            var netuid = emitting[i];
            events.Add(new RuntimeEvent(SubnetsModule.Name, "SubnetEmission", new JsonObject
            {
                ["netuid"] = netuid.Value,
                ["block_emission"] = emission.Value,
                ["tao_in"] = Pending(state, TaoInEmission, netuid).Value,
                ["excess_tao"] = Pending(state, ExcessTao, netuid).Value,
                ["alpha_in"] = Pending(state, AlphaInEmission, netuid).Value,
                ["alpha_out"] = Pending(state, AlphaOutEmission, netuid).Value,
                ["root_alpha_recycled"] = recycled[i],
                ["price"] = PoolSwap.PriceInRao(SubnetPools.Price(state, netuid)),
                ["moving_price"] = PoolSwap.PriceInRao(SubnetPools.MovingPriceOf(state, netuid)),
            }));
        }
    }

    private readonly record struct SubnetTerms(U96F32 TaoIn, U96F32 AlphaIn, U96F32 Excess, U96F32 AlphaOut);

    /// <summary>get_subnet_terms: the TAO and alpha to inject at the price, capped by root's proportion of the alpha emission.</summary>
    private static SubnetTerms Terms(IStateReader state, NetUid netuid, U96F32 taoEmission)
    {
        var alphaEmission = U96F32.FromU64(BlockEmission.ForIssuance(SubnetPools.AlphaIssuance(state, netuid)).Value);
        var price = SubnetPools.Price(state, netuid).ToU96F32();
        var taoIn = taoEmission;
        var alphaIn = taoEmission.CheckedDiv(price) ?? U96F32.Zero;
        var cap = RootProportion(state, netuid) * alphaEmission;
        if (alphaIn > cap)
        {
            alphaIn = cap;
            taoIn = alphaIn * price;
        }
        return new SubnetTerms(taoIn, alphaIn, taoEmission - taoIn, alphaEmission);
    }

    /// <summary>inject_and_maybe_swap: the excess TAO buys alpha for the protocol, then TAO and alpha join the pool. Returns the TAO minted.</summary>
    private static ulong Inject(StateOverlay state, NetUid netuid, SubnetTerms terms)
    {
        var (tao, alpha, excess) = (terms.TaoIn.ToU64(), terms.AlphaIn.ToU64(), terms.Excess.ToU64());
        var minted = 0UL;
        var spent = 0UL;
        if (excess > 0)
        {
            var bought = PoolStake.BuyAlpha(state, netuid, excess, PoolStake.MaxPrice, dropFees: true, out var error);
            if (error is null)
            {
                SubnetPools.Add(state, SubnetPools.ProtocolAlpha, netuid, new Rao(bought.PaidOut));
                spent = bought.PaidIn;
                minted += bought.PaidIn;
            }
        }
        SubnetPools.Add(state, SubnetPools.SubnetAlphaIn, netuid, new Rao(alpha));
        SubnetPools.Add(state, SubnetPools.SubnetTao, netuid, new Rao(tao));
        minted += tao;
        TaoInEmission.Set(state, netuid, new Rao(tao));
        ExcessTao.Set(state, netuid, new Rao(spent));
        AlphaInEmission.Set(state, netuid, new Rao(alpha));
        return minted;
    }

    /// <summary>
    /// emit_to_subnets' alpha step: mint the alpha emission outside the pool into the owner, miner, validator and
    /// root pots. Returns the root share recycled (destroyed) when root does not sell.
    /// </summary>
    private static ulong EmitAlpha(StateOverlay state, NetUid netuid, U96F32 alphaOut, bool rootSells)
    {
        var minted = alphaOut.ToU64();
        AlphaOutEmission.Set(state, netuid, new Rao(minted));
        SubnetPools.Add(state, SubnetPools.SubnetAlphaOut, netuid, new Rao(minted));
        var ownerCut = alphaOut * U96F32.FromU16Proportion(CoinbaseModule.OwnerCut);
        var rest = alphaOut - ownerCut;
        var rootAlpha = RootProportion(state, netuid) * rest * Half;
        var server = rest * Half;
        var validator = rest - server - rootAlpha;
        var assigned = ownerCut.ToU64() + server.ToU64() + validator.ToU64() + rootAlpha.ToU64();
        SubnetPools.Add(state, PendingOwnerCut, netuid, new Rao(ownerCut.ToU64()));
        SubnetPools.Add(state, PendingServer, netuid, new Rao(server.ToU64()));
        SubnetPools.Add(state, PendingValidator, netuid, new Rao(validator.ToU64()));
        if (rootSells)
        {
            SubnetPools.Add(state, PendingRootAlpha, netuid, new Rao(rootAlpha.ToU64()));
        }
        else
        {
            SubnetPools.Subtract(state, SubnetPools.SubnetAlphaOut, netuid, new Rao(rootAlpha.ToU64()));
        }
        if (minted > assigned)
        {
            SubnetPools.Add(state, SubnetPools.BurnedAlpha, netuid, new Rao(minted - assigned));
        }
        return rootSells ? 0 : rootAlpha.ToU64();
    }
}
