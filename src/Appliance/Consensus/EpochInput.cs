namespace Appliance.Consensus;

/// <summary>
/// Everything one epoch reads (spec §3), indexed by uid 0..N−1. Weights and bonds are the stored u16 rows
/// (weights max-upscaled, explicit 0 entries kept). <see cref="CommitBlocks"/> is null when commit-reveal
/// is off; otherwise it holds each uid's earliest unexpired commit block (u64::MAX for none).
/// </summary>
public sealed record EpochInput(
    int N,
    ulong CurrentBlock,
    ulong Tempo,
    ulong ActivityCutoff,
    IReadOnlyList<ulong> Stake,
    IReadOnlyList<ulong> LastUpdate,
    IReadOnlyList<ulong> BlockAtRegistration,
    IReadOnlyList<bool> ValidatorPermitPrev,
    IReadOnlyList<IReadOnlyList<(ushort Uid, ushort Value)>> Weights,
    IReadOnlyList<IReadOnlyList<(ushort Uid, ushort Value)>> Bonds,
    YumaHyperparameters Hyperparameters,
    ulong RaoEmission,
    IReadOnlyList<ulong>? CommitBlocks = null,
    ulong LastMechanismStepBlock = 0);
