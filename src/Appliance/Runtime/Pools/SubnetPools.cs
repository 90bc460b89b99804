using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Pools;

/// <summary>
/// Dynamic TAO's per-subnet storage (subtensor's SubnetTAO, SubnetAlphaIn, SubnetAlphaOut, SubnetProtocolAlpha,
/// SubnetMovingPrice, FirstEmissionBlockNumber, MinerBurned, TaoWeight): every subnet's alpha token trades
/// against TAO in its pool; alpha outside the pool (stakes, pending emission, the protocol's own alpha, burned
/// alpha) is SubnetAlphaOut. The root subnet (netuid 0) has no pool: its stake is TAO at price 1, and
/// SubnetTAO[0] is the total root stake. Alpha amounts are in rao of alpha (10^-9 α).
/// </summary>
public static class SubnetPools
{
    public static readonly NetUid Root = new(0);

    /// <summary>subtensor's runtime TaoWeight: ≈ 5.27 % of root stake counts toward a subnet's stake weight.</summary>
    public const ulong DefaultTaoWeight = 971_718_665_099_567_868;

    public static readonly StorageMap<NetUid, Rao> SubnetTao = new(SubnetsModule.Name, "SubnetTAO");
    public static readonly StorageMap<NetUid, Rao> SubnetAlphaIn = new(SubnetsModule.Name, "SubnetAlphaIn");
    public static readonly StorageMap<NetUid, Rao> SubnetAlphaOut = new(SubnetsModule.Name, "SubnetAlphaOut");
    public static readonly StorageMap<NetUid, Rao> ProtocolAlpha = new(SubnetsModule.Name, "SubnetProtocolAlpha");

    /// <summary>Alpha outside the pool that nobody holds: burned fees and owner-hotkey incentive, floor remainders of emission.</summary>
    public static readonly StorageMap<NetUid, Rao> BurnedAlpha = new(SubnetsModule.Name, "SubnetAlphaBurned");

    public static readonly StorageMap<NetUid, FixedValue> MovingPrice = new(SubnetsModule.Name, "SubnetMovingPrice");
    public static readonly StorageMap<NetUid, U64> FirstEmissionBlock = new(SubnetsModule.Name, "FirstEmissionBlockNumber");
    public static readonly StorageMap<NetUid, FixedValue> MinerBurned = new(SubnetsModule.Name, "MinerBurned");
    public static readonly StorageValue<U64> TaoWeightValue = new(SubnetsModule.Name, "TaoWeight");

    public static Reserves ReservesOf(IStateReader state, NetUid netuid) =>
        new(SubnetTao.GetOrDefault(state, netuid, Rao.Zero).Value, SubnetAlphaIn.GetOrDefault(state, netuid, Rao.Zero).Value);

    public static Rao AlphaOut(IStateReader state, NetUid netuid) => SubnetAlphaOut.GetOrDefault(state, netuid, Rao.Zero);

    /// <summary>Alpha issuance: in the pool plus outside it.</summary>
    public static Rao AlphaIssuance(IStateReader state, NetUid netuid) =>
        SubnetAlphaIn.GetOrDefault(state, netuid, Rao.Zero) + AlphaOut(state, netuid);

    /// <summary>The spot price in TAO per alpha; 1 on the root subnet.</summary>
    public static U64F64 Price(IStateReader state, NetUid netuid) => netuid == Root ? U64F64.One : PoolSwap.Price(ReservesOf(state, netuid));

    /// <summary>The moving price (an I96F32 in subtensor; never negative here); 1 on the root subnet.</summary>
    public static U64F64 MovingPriceOf(IStateReader state, NetUid netuid) =>
        netuid == Root ? U64F64.One : U64F64.FromU96F32(new U96F32(MovingPrice.GetOrDefault(state, netuid, default).Bits));

    /// <summary>Whether the owner has started the subnet (start_call): before that no emission and no staking (SubtokenEnabled).</summary>
    public static bool Started(IStateReader state, NetUid netuid) => netuid == Root || FirstEmissionBlock.Contains(state, netuid);

    public static U96F32 TaoWeight(IStateReader state) =>
        U96F32.FromU64Proportion(TaoWeightValue.GetOrDefault(state, new U64(DefaultTaoWeight)).Value);

    public static void Add(StateOverlay state, StorageMap<NetUid, Rao> item, NetUid netuid, Rao amount) =>
        item.Set(state, netuid, item.GetOrDefault(state, netuid, Rao.Zero) + amount);

    public static void Subtract(StateOverlay state, StorageMap<NetUid, Rao> item, NetUid netuid, Rao amount) =>
        item.Set(state, netuid, item.GetOrDefault(state, netuid, Rao.Zero) - amount);
}
