namespace Appliance.Runtime.Registration;

/// <summary>
/// Which uid a registration replaces when the subnet is full (spec §9.3, get_neuron_to_prune): immortal
/// owner uids never; among the rest the lowest (emission, registration block, uid), taken from the
/// non-immune ones when more than min_non_immune_uids of them exist, otherwise from the immune ones.
/// </summary>
public static class PruneCandidate
{
    public static int? Choose(
        ulong currentBlock, ulong immunityPeriod, int minNonImmuneUids,
        IReadOnlyList<ulong> blockAtRegistration, IReadOnlyList<ulong> emission, IReadOnlySet<int> immortal)
    {
        (ulong, ulong, int)? bestFree = null, bestImmune = null;
        var freeCount = 0;
        for (var uid = 0; uid < blockAtRegistration.Count; uid++)
        {
            if (immortal.Contains(uid))
            {
                continue;
            }
            var rank = (emission[uid], blockAtRegistration[uid], uid);
            var immune = currentBlock - Math.Min(currentBlock, blockAtRegistration[uid]) < immunityPeriod;
            if (immune)
            {
                bestImmune = bestImmune is null || rank.CompareTo(bestImmune.Value) < 0 ? rank : bestImmune;
            }
            else
            {
                freeCount++;
                bestFree = bestFree is null || rank.CompareTo(bestFree.Value) < 0 ? rank : bestFree;
            }
        }
        if (freeCount > minNonImmuneUids && bestFree is { } free)
        {
            return free.Item3;
        }
        return bestImmune?.Item3 ?? bestFree?.Item3;
    }
}
