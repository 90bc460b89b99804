using Appliance.Chain;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Epoch;

/// <summary>
/// subtensor's block_step, run at the start of every block before any extrinsic (spec §2): registration
/// prices decay (from block 2 on), then each subnet whose epoch is due on the legacy schedule runs it.
/// </summary>
public static class BlockStep
{
    public static void OnInitialize(StateOverlay state, ulong block, List<RuntimeEvent> events)
    {
        foreach (var netuid in SubnetsModule.AllSubnets(state).ToList())
        {
            if (block > 1)
            {
                DecayBurn(state, netuid);
            }
            if (SubnetsModule.IsEpochBlock(block, netuid, Hyperparameters.Get(state, netuid, Hyperparameters.Tempo)))
            {
                ValidatorPermits.Recompute(state, netuid);
            }
        }
    }

    private static void DecayBurn(StateOverlay state, NetUid netuid)
    {
        var burn = SubnetsModule.Burn.GetOrDefault(state, netuid, RegisterNetwork.InitialBurn);
        var decayed = BurnPrice.Decay(burn, Hyperparameters.Get(state, netuid, Hyperparameters.BurnHalfLife),
            new Rao((ulong)Hyperparameters.Get(state, netuid, Hyperparameters.MinBurn)),
            new Rao((ulong)Hyperparameters.Get(state, netuid, Hyperparameters.MaxBurn)));
        if (decayed != burn)
        {
            SubnetsModule.Burn.Set(state, netuid, decayed);
        }
    }
}
