using Appliance.Primitives;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Epoch;

/// <summary>
/// subtensor's block_step, run at the start of every block before any extrinsic (spec §2): registration
/// prices decay (from block 2 on), the block's emission is minted into the subnets' pending pots (classic) or
/// the dynamic coinbase injects and emits, then each subnet whose epoch is due on the legacy schedule runs it
/// and is paid.
/// </summary>
public static class BlockStep
{
    public static void OnInitialize(StateOverlay state, ulong block, List<RuntimeEvent> events)
    {
        var subnets = SubnetsModule.AllSubnets(state).ToList();
        if (block > 1)
        {
            subnets.ForEach(netuid => DecayBurn(state, netuid));
        }
        if (EmissionModels.IsDynamic(state))
        {
            DynamicCoinbase.RunBlock(state, block, subnets, events);
        }
        else
        {
            CoinbaseModule.AccrueBlockEmission(state, subnets);
        }
        foreach (var netuid in subnets.Where(n => SubnetsModule.IsEpochBlock(block, n, Hyperparameters.Get(state, n, Hyperparameters.Tempo))))
        {
            EpochRunner.Run(state, netuid, block, events);
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
