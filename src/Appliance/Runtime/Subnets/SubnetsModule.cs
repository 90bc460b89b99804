using Appliance.Primitives;
using Appliance.State;

namespace Appliance.Runtime.Subnets;

/// <summary>
/// Subnet and neuron storage of subtensor's SubtensorModule (pallet index 7): subnets, their uids and
/// hotkeys, per-uid state, hotkey ownership and the registration price.
/// </summary>
public static class SubnetsModule
{
    public const string Name = "SubtensorModule";
    public const byte Index = 7;

    public static readonly StorageMap<NetUid, SubnetInfo> Subnets = new(Name, "Subnet");
    public static readonly StorageMap<NetUid, U64> SubnetworkN = new(Name, "SubnetworkN");
    public static readonly StorageMap<NeuronKey, NeuronState> Neurons = new(Name, "Neuron");
    public static readonly StorageMap<SubnetAccountKey, Uid> Uids = new(Name, "Uids");
    public static readonly StorageMap<AccountId, AccountId> Owner = new(Name, "Owner");
    public static readonly StorageMap<NetUid, Rao> Burn = new(Name, "Burn");
    public static readonly StorageValue<Rao> NetworkLastLock = new(Name, "NetworkLastLockCost");
    public static readonly StorageValue<U64> NetworkLastLockBlock = new(Name, "NetworkLastLockBlock");

    public static bool Exists(IStateReader state, NetUid netuid) => Subnets.Contains(state, netuid);

    public static int Count(IStateReader state, NetUid netuid) => (int)SubnetworkN.GetOrDefault(state, netuid, new U64(0)).Value;

    public static bool TryGetUid(IStateReader state, NetUid netuid, AccountId hotkey, out Uid uid) =>
        Uids.TryGet(state, new SubnetAccountKey(netuid, hotkey), out uid);

    public static NeuronState Neuron(IStateReader state, NetUid netuid, Uid uid) =>
        Neurons.TryGet(state, new NeuronKey(netuid, uid), out var neuron)
            ? neuron
            : throw new InvalidOperationException($"subnet {netuid} has no neuron {uid}.");

    /// <summary>The neurons of a subnet in uid order.</summary>
    public static IReadOnlyList<NeuronState> NeuronsOf(IStateReader state, NetUid netuid) =>
        Enumerable.Range(0, Count(state, netuid)).Select(uid => Neuron(state, netuid, new Uid((ushort)uid))).ToList();

    public static IEnumerable<NetUid> AllSubnets(IStateReader state) => Subnets.Iterate(state).Select(s => s.Key).OrderBy(n => n.Value);

    /// <summary>The legacy epoch schedule (spec §2): subnet netuid runs its epoch where (block + netuid + 1) mod (tempo + 1) = 0.</summary>
    public static bool IsEpochBlock(ulong block, NetUid netuid, long tempo) => (block + netuid.Value + 1) % (ulong)(tempo + 1) == 0;

    public static ulong EpochIndex(ulong block, NetUid netuid, long tempo) => (block + netuid.Value + 1) / (ulong)(tempo + 1);

    public static ulong NextEpochBlock(ulong block, NetUid netuid, long tempo)
    {
        var period = (ulong)(tempo + 1);
        var offset = (block + netuid.Value + 1) % period;
        return block + (offset == 0 ? period : period - offset);
    }
}
