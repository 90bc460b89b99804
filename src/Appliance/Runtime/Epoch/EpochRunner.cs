using System.Diagnostics;
using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.State;

namespace Appliance.Runtime.Epoch;

/// <summary>
/// A subnet's epoch inside the block: drain its pending emission, run Yuma on the subnet's state (the pure
/// <see cref="YumaEpoch"/>), write the results into the metagraph (consensus, incentive, dividends, trust,
/// permits, bonds, emission) and pay everyone. Classic: the owner cut is taken from what accrued since the last
/// epoch (not again from what that epoch carried over) and the floor remainder carries to the next epoch, so
/// no rao is lost or created. Dynamic: the alpha pots are paid as <see cref="DynamicEpochPayout"/> says.
/// </summary>
public static class EpochRunner
{
    public static readonly StorageMap<NetUid, U64> LastMechanismStepBlock = new(SubnetsModule.Name, "LastMechanismStepBlock");

    public static void Run(StateOverlay state, NetUid netuid, ulong block, List<RuntimeEvent> events)
    {
        if (EmissionModels.IsDynamic(state))
        {
            RunDynamic(state, netuid, block, events);
        }
        else
        {
            RunClassic(state, netuid, block, events);
        }
    }

    private static void RunClassic(StateOverlay state, NetUid netuid, ulong block, List<RuntimeEvent> events)
    {
        var started = Stopwatch.GetTimestamp();
        var pot = CoinbaseModule.Pending(state, netuid);
        var carriedIn = CoinbaseModule.Carried(state, netuid);
        var ownerCut = CoinbaseModule.OwnerCutDue(state, netuid);
        var subnet = SubnetsModule.Subnets.GetOrDefault(state, netuid, default);
        var neurons = SubnetsModule.NeuronsOf(state, netuid);
        var input = Input(state, netuid, block, neurons, pot - ownerCut);
        var output = YumaEpoch.Run(input);
        WriteMetagraph(state, netuid, neurons, output);

        var nominators = StakingModule.NominatorsIn(state, netuid);
        var paid = new ulong[neurons.Count];
        var total = ownerCut;
        for (var uid = 0; uid < neurons.Count; uid++)
        {
            EmissionPayout.Pay(state, netuid, neurons[uid].Hotkey, new Rao(output.ServerEmission[uid]), new Rao(output.ValidatorEmission[uid]),
                nominators[neurons[uid].Hotkey].ToList());
            paid[uid] = output.ServerEmission[uid] + output.ValidatorEmission[uid];
            total += new Rao(paid[uid]);
        }
        if (ownerCut > Rao.Zero)
        {
            Balances.BalancesModule.Deposit(state, subnet.OwnerColdkey, ownerCut);
        }
        var carried = pot - total;
        CoinbaseModule.PendingEmission.Set(state, netuid, carried);
        CoinbaseModule.CarriedEmission.Set(state, netuid, carried);
        LastMechanismStepBlock.Set(state, netuid, new U64(block));
        events.Add(new RuntimeEvent(SubnetsModule.Name, "EpochRun", CoinbaseModule.Describe(netuid, pot, carriedIn, ownerCut, carried, paid, input.Stake, output)));
        EpochMetrics.Ran(netuid.Value, started);
    }

    /// <summary>
    /// A dynamic subnet's epoch: drain the four alpha pots, run Yuma on the miners' and validators' pots (stake
    /// weight = alpha + root × TaoWeight), and pay in alpha (<see cref="DynamicEpochPayout"/>). Nothing carries over.
    /// </summary>
    private static void RunDynamic(StateOverlay state, NetUid netuid, ulong block, List<RuntimeEvent> events)
    {
        var started = Stopwatch.GetTimestamp();
        var pots = DynamicEpochPayout.Drain(state, netuid);
        var neurons = SubnetsModule.NeuronsOf(state, netuid);
        var input = Input(state, netuid, block, neurons, pots.Server + pots.Validator + pots.Root);
        var output = YumaEpoch.Run(input);
        WriteMetagraph(state, netuid, neurons, output);
        var (paid, burned) = DynamicEpochPayout.Pay(state, netuid, neurons, output, pots);
        LastMechanismStepBlock.Set(state, netuid, new U64(block));
        var fields = CoinbaseModule.Describe(netuid, pots.Total, Rao.Zero, pots.OwnerCut, Rao.Zero, paid, input.Stake, output);
        fields["unit"] = "alpha";
        fields["pending_server"] = pots.Server.Value;
        fields["pending_validator"] = pots.Validator.Value;
        fields["pending_root"] = pots.Root.Value;
        fields["burned"] = burned.Value;
        events.Add(new RuntimeEvent(SubnetsModule.Name, "EpochRun", fields));
        EpochMetrics.Ran(netuid.Value, started);
    }

    private static void WriteMetagraph(StateOverlay state, NetUid netuid, IReadOnlyList<NeuronState> neurons, EpochOutput output)
    {
        for (var uid = 0; uid < neurons.Count; uid++)
        {
            var key = new NeuronKey(netuid, new Uid((ushort)uid));
            SubnetsModule.Neurons.Set(state, key, neurons[uid] with
            {
                Active = output.Active[uid],
                ValidatorPermit = output.ValidatorPermit[uid],
                Consensus = output.Consensus[uid],
                Incentive = output.Incentive[uid],
                Dividends = output.Dividends[uid],
                ValidatorTrust = output.ValidatorTrust[uid],
                Rank = output.Rank[uid],
                Trust = output.Trust[uid],
                PruningScore = output.PruningScore[uid],
                Emission = new Rao(output.ServerEmission[uid] + output.ValidatorEmission[uid]),
            });
            if (output.Bonds[uid].Length == 0)
            {
                WeightsModule.Bonds.Remove(state, key);
            }
            else
            {
                WeightsModule.Bonds.Set(state, key, new SparseRow(output.Bonds[uid]));
            }
        }
    }

    /// <summary>What the epoch at <paramref name="block"/> reads from the subnet's state; the UI's what-if starts from it too.</summary>
    public static EpochInput Input(IStateReader state, NetUid netuid, ulong block, IReadOnlyList<NeuronState> neurons, Rao emission)
    {
        var subnet = SubnetsModule.Subnets.GetOrDefault(state, netuid, default);
        long H(Hyperparameter p) => Hyperparameters.Get(state, netuid, p);
        var hyperparameters = new YumaHyperparameters(
            (ushort)H(Hyperparameters.Kappa), (ushort)H(Hyperparameters.BondsPenalty), (ulong)H(Hyperparameters.BondsMovingAverage),
            H(Hyperparameters.Yuma3) != 0, H(Hyperparameters.LiquidAlphaEnabled) != 0, (ushort)H(Hyperparameters.AlphaLow), (ushort)H(Hyperparameters.AlphaHigh),
            (short)H(Hyperparameters.AlphaSigmoidSteepness), (ushort)H(Hyperparameters.MaxAllowedValidators), (ulong)H(Hyperparameters.StakeThreshold),
            SubnetsModule.TryGetUid(state, netuid, subnet.OwnerHotkey, out var owner) ? owner.Value : null);
        var dynamic = EmissionModels.IsDynamic(state);
        var uids = Enumerable.Range(0, neurons.Count).Select(u => new Uid((ushort)u)).ToList();
        var window = RevealWindow.For(state, netuid, block);
        IReadOnlyList<ulong>? commitBlocks = H(Hyperparameters.CommitRevealWeightsEnabled) == 0
            ? null
            : neurons.Select(n => WeightsModule.Commits.GetOrDefault(state, new SubnetAccountKey(netuid, n.Hotkey), CommitQueue.Empty).Items
                .Where(c => !window.Expired(c)).Select(c => c.Block).DefaultIfEmpty(ulong.MaxValue).Min()).ToList();
        return new EpochInput(
            neurons.Count, block, (ulong)H(Hyperparameters.Tempo), Hyperparameters.ActivityCutoff(state, netuid),
            neurons.Select(n => dynamic ? DynamicEpochPayout.StakeWeight(state, netuid, n.Hotkey) : StakingModule.OfHotkey(state, netuid, n.Hotkey).Value).ToList(),
            neurons.Select(n => n.LastUpdate).ToList(),
            neurons.Select(n => n.BlockAtRegistration).ToList(),
            neurons.Select(n => n.ValidatorPermit).ToList(),
            uids.Select(u => WeightsModule.WeightsOf(state, netuid, u).Entries).ToList(),
            uids.Select(u => WeightsModule.BondsOf(state, netuid, u).Entries).ToList(),
            hyperparameters, emission.Value, commitBlocks,
            LastMechanismStepBlock.GetOrDefault(state, netuid, new U64(0)).Value);
    }
}
