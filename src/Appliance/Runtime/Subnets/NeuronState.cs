using Appliance.Primitives;
using Appliance.Scale;

namespace Appliance.Runtime.Subnets;

/// <summary>
/// What subtensor keeps per uid in its per-subnet vectors (LastUpdate, BlockAtRegistration, Active,
/// ValidatorPermit, Rank, Trust, Consensus, Incentive, Dividends, ValidatorTrust, Emission, PruningScore),
/// kept here as one record per (netuid, uid). Proportions are u16 (x·65535); emission in rao per epoch.
/// </summary>
public readonly record struct NeuronState(
    AccountId Hotkey, ulong BlockAtRegistration, ulong LastUpdate, bool Active, bool ValidatorPermit,
    ushort Rank, ushort Trust, ushort Consensus, ushort Incentive, ushort Dividends, ushort ValidatorTrust,
    Rao Emission, ushort PruningScore) : IScaleCodec<NeuronState>
{
    /// <summary>A neuron just registered or replaced (spec §9.2): everything cleared, both blocks = now.</summary>
    public static NeuronState Registered(AccountId hotkey, ulong block) =>
        new(hotkey, block, block, true, false, 0, 0, 0, 0, 0, 0, Rao.Zero, 0);

    public static NeuronState Read(ScaleReader r) => new(
        AccountId.Read(r), r.U64(), r.U64(), r.Bool(), r.Bool(), r.U16(), r.U16(), r.U16(), r.U16(), r.U16(), r.U16(), Rao.Read(r), r.U16());

    public void Write(ScaleWriter w)
    {
        Hotkey.Write(w);
        w.U64(BlockAtRegistration).U64(LastUpdate).Bool(Active).Bool(ValidatorPermit)
            .U16(Rank).U16(Trust).U16(Consensus).U16(Incentive).U16(Dividends).U16(ValidatorTrust);
        Emission.Write(w);
        w.U16(PruningScore);
    }
}
