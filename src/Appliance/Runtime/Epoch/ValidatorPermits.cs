using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Epoch;

/// <summary>
/// Validator permits (spec §5.3, is_topk_nonzero): the max_allowed_validators uids with the most stake
/// (stake below stake_threshold counts as none; ties go to the lower uid), never a uid without stake, and
/// always the subnet owner's uid.
/// </summary>
public static class ValidatorPermits
{
    public static bool[] TopK(IReadOnlyList<ulong> stake, int k, int? ownerUid)
    {
        var permits = stake.Select(s => s != 0).ToArray();
        if (stake.Count >= k)
        {
            foreach (var uid in Enumerable.Range(0, stake.Count).OrderBy(i => stake[i]).ThenBy(i => i).Take(stake.Count - k))
            {
                permits[uid] = false;
            }
        }
        if (ownerUid is { } owner && owner < permits.Length)
        {
            permits[owner] = true;
        }
        return permits;
    }

    public static void Recompute(StateOverlay state, NetUid netuid)
    {
        var subnet = SubnetsModule.Subnets.GetOrDefault(state, netuid, default);
        var neurons = SubnetsModule.NeuronsOf(state, netuid);
        var threshold = (ulong)Hyperparameters.Get(state, netuid, Hyperparameters.StakeThreshold);
        var stake = neurons.Select(n => StakingModule.OfHotkey(state, netuid, n.Hotkey).Value).Select(s => s < threshold ? 0 : s).ToList();
        int? owner = SubnetsModule.TryGetUid(state, netuid, subnet.OwnerHotkey, out var ownerUid) ? ownerUid.Value : null;
        var permits = TopK(stake, (int)Hyperparameters.Get(state, netuid, Hyperparameters.MaxAllowedValidators), owner);
        for (var uid = 0; uid < neurons.Count; uid++)
        {
            if (neurons[uid].ValidatorPermit != permits[uid])
            {
                SubnetsModule.Neurons.Set(state, new NeuronKey(netuid, new Uid((ushort)uid)), neurons[uid] with { ValidatorPermit = permits[uid] });
            }
        }
    }
}
